import type { Context } from 'hono'
import { en } from './en'

/** The shape every locale must have: English's, with any string allowed where English has one. */
type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> }
export type Messages = Widen<typeof en>

/** Adding a language: write `es.ts` exporting a `Messages`, and list it here. */
export const CATALOGS = { en } satisfies Record<string, Messages>
export type Locale = keyof typeof CATALOGS

/**
 * The locale for this request: an explicit `?lang=` that we have, else the browser's first language we have,
 * else English.
 */
export function localeOf(c: Context): Locale {
  const wanted = [c.req.query('lang') ?? '', ...(c.req.header('accept-language') ?? '').split(',').map((part) => part.split(';')[0]!.trim())]
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0]!
    if (base in CATALOGS) return base as Locale
  }
  return 'en'
}

export const messagesFor = (c: Context): Messages => CATALOGS[localeOf(c)]
