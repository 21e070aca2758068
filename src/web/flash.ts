import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import type { Flash } from './context'

const FLASH_COOKIE = 'smm_flash'

/** A one-time message shown on the page a POST redirects to ("Answers saved"). */
export function setFlash(c: Context, flash: Flash) {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(JSON.stringify(flash)), { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 })
}

export function readFlash(c: Context): Flash | null {
  const raw = getCookie(c, FLASH_COOKIE)
  if (!raw) return null
  deleteCookie(c, FLASH_COOKIE, { path: '/' })
  try {
    const value = JSON.parse(decodeURIComponent(raw)) as { kind?: unknown; message?: unknown }
    if ((value.kind === 'success' || value.kind === 'info') && typeof value.message === 'string') {
      return { kind: value.kind, message: value.message.slice(0, 300) }
    }
  } catch {
    // a tampered or truncated cookie is simply ignored
  }
  return null
}

/** POST, then 303 to a page that shows what happened. */
export function seeOther(c: Context, location: string, message?: string) {
  if (message) setFlash(c, { kind: 'success', message })
  return c.redirect(location, 303)
}
