/**
 * Whether an error means "the database cannot be reached right now" (a restart, a failover, the server down)
 * rather than anything wrong with the request: such a request is worth sending again in a moment, so the web
 * layer answers 503 with Retry-After instead of a 500 page.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return unavailableReason(err) !== null
}

/**
 * The driver's own words for the outage ("terminating connection due to administrator command"), for the log; null
 * when the error is something else. Never drizzle's wrapper message: it quotes the query and its parameters.
 */
export function unavailableReason(err: unknown): string | null {
  // drizzle wraps the driver's error in its own (`DrizzleQueryError`) with the original as `cause`.
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code))) return `${code}: ${e.message}`
    if (CONNECTION_MESSAGES.some((m) => e instanceof Error && e.message.includes(m))) return e.message
    if (e instanceof AggregateError) {
      const inner = e.errors.map(unavailableReason).find((r) => r !== null)
      if (inner) return inner
    }
  }
  return null
}

/** SQLSTATEs of a server going away or not ready yet: admin_shutdown, crash_shutdown, cannot_connect_now. Class 08 is connection exceptions. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03'])
/** The socket's own failures while connecting or mid-query. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])
/** node-postgres reports a socket closed under it in words only, without a code. */
const CONNECTION_MESSAGES = ['Connection terminated', 'timeout exceeded when trying to connect', 'Client has encountered a connection error']
