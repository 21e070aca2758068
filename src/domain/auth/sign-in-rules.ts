// The rules of passwordless sign-in, kept free of I/O so they can be tested directly.

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000
/** A session ends a week after it was last used, and a month after it began, whichever comes first. */
export const SESSION_IDLE_MS = 7 * 24 * 3_600_000
export const SESSION_MAX_MS = 30 * 24 * 3_600_000
/** How stale `last_seen_at` may get before a request refreshes it (saves a write on most requests). */
export const SESSION_TOUCH_MS = 60 * 60_000

export const SIGN_IN_RATE_LIMITS = {
  perAddress: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 15 * 60_000 },
} as const

export const normalizeEmail = (email: string) => email.trim().toLowerCase()

/** A base no real request has: a path that resolves elsewhere changes the origin. */
const SAME_SITE = 'http://same-site.invalid'

/** Only same-site paths may follow a sign-in, so a link can never bounce someone to another site. */
export function safeNextPath(path: string | null | undefined): string | null {
  if (!path || path.length > 500 || !path.startsWith('/') || path.startsWith('//')) return null
  // Browsers drop tabs and newlines inside a URL and read a backslash as a slash, so '/\t/evil.example' or
  // '/\\evil.example' would leave the site; a control character in a Location header would also fail the response.
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return null
  let url: URL
  try {
    url = new URL(path, SAME_SITE)
  } catch {
    return null
  }
  // Re-read from the parsed URL: percent-encoded (safe in a header) and with dot segments resolved, which can
  // turn '/..//evil.example' into a protocol-relative '//evil.example'.
  const safe = url.pathname + url.search + url.hash
  return url.origin === SAME_SITE && !safe.startsWith('//') ? safe : null
}

export type LinkState = 'valid' | 'expired' | 'used' | 'unknown'

export function signInLinkState(
  link: { expiresAt: Date; usedAt: Date | null } | undefined,
  now: Date,
): LinkState {
  if (!link) return 'unknown'
  if (link.usedAt) return 'used'
  return link.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid'
}

export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS))
}
