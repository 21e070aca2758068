/**
 * When the questionnaire sends a refused autosave again by itself. Only answers that say "try again later" are
 * retried: 503 (the database is restarting; the server says how long with Retry-After), 502/504 from a proxy in
 * front, and no answer at all (offline, the server restarting). A 4xx is about the answer itself and a 500 is a
 * fault of ours; neither goes away by sending the same thing again, so the person is told instead.
 * The page (web/client/questionnaire.ts) and the fault test (test/e2e/postgres-restart.test.ts) both use this rule.
 */
export type SaveReply = { status: number; retryAfter: string | null } | 'no-connection'

/** The first wait when the server names none; each further attempt doubles it, up to the most. */
export const FIRST_RETRY_MS = 2_000
export const LONGEST_RETRY_MS = 30_000

/** Milliseconds to wait before the `attempt`-th retry (1 for the first), or null when retrying would not help. */
export function autosaveRetryDelay(reply: SaveReply, attempt: number): number | null {
  if (reply !== 'no-connection' && !RETRYABLE_STATUSES.has(reply.status)) return null
  const named = reply === 'no-connection' ? undefined : retryAfterSeconds(reply.retryAfter)
  const backoff = FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempt - 1, 10))
  return Math.min(named !== undefined ? named * 1_000 : backoff, LONGEST_RETRY_MS)
}

const RETRYABLE_STATUSES = new Set([502, 503, 504])

/** Retry-After in seconds; the HTTP-date form is not something our server sends, so it falls back to the backoff. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return undefined
  return Number(header.trim())
}
