/**
 * Whether an If-None-Match header names `etag`, by the weak comparison RFC 9110 prescribes for it: `W/"x"` matches
 * `"x"`. A compressed response carries its ETag weakened (middleware/compression), and a client sends that back.
 */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag))
}
