import type { App } from '../../src/web/app'
import { PERSONAS, type MatrixFixture, type Persona } from '../support/matrix-seed'
import { TEST_ORIGIN, formPost } from '../support/test-app'
import { classify, matches, type AccessTable, type Outcome, type RouteAccess } from './outcomes'

/** Hundreds of in-process requests: generous, for a busy CI machine (the speed itself is not under test). */
export const MATRIX_TIMEOUT_MS = 180_000

/** Every `METHOD path` of the app's route table; `ALL` entries are middleware, not routes. */
export function routeKeys(app: App): Set<string> {
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))
}

/** Routes without a row and rows without a route, each as a line a reader can act on. */
export function tableGaps(app: App, table: AccessTable): string[] {
  const routes = routeKeys(app)
  const missing = [...routes].filter((key) => !(key in table)).map((key) => `${key}: no row in test/security (add one)`)
  const stale = Object.keys(table).filter((key) => !routes.has(key)).map((key) => `${key}: a row for a route the app no longer has`)
  return [...missing, ...stale]
}

/**
 * Asks every route of `table` as every persona and lists each answer that differs from its row, as
 * `METHOD path persona: expected X got Y`. GETs go first, so a POST that changes something cannot change what a
 * GET answers; POSTs that remove or settle what they name make their own target per persona (`f.fresh`).
 */
export async function accessMismatches(f: MatrixFixture, table: AccessTable): Promise<string[]> {
  const sessions = new Map<Persona, Record<string, string>>()
  const headersOf = async (persona: Persona, row: RouteAccess) => {
    if (persona === 'anonymous') return { Origin: TEST_ORIGIN }
    if (row.ownSession) return f.headers[persona]()
    if (!sessions.has(persona)) sessions.set(persona, await f.headers[persona]())
    return sessions.get(persona)!
  }
  const rows = Object.entries(table).sort(([a], [b]) => Number(a.startsWith('POST')) - Number(b.startsWith('POST')))
  const mismatches: string[] = []
  for (const [key, row] of rows) {
    const method = key.slice(0, key.indexOf(' '))
    for (const persona of PERSONAS) {
      const headers = await headersOf(persona, row)
      const res = await f.t.app.request(await row.url(f), await requestInit(f, method, row, headers))
      await res.arrayBuffer() // a streamed download finishes (and audits) before the next request
      const expected = row.expect[persona]
      if (!matches(expected, res)) mismatches.push(`${key} ${persona}: expected ${shown(expected)} got ${gotten(res)}`)
    }
  }
  return mismatches
}

async function requestInit(f: MatrixFixture, method: string, row: RouteAccess, headers: Record<string, string>): Promise<RequestInit> {
  if (method === 'GET') return { headers }
  if (row.json !== undefined) return { method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(row.json) }
  return formPost((await row.form?.(f)) ?? {}, headers)
}

const shown = (outcome: Outcome) => (typeof outcome === 'number' ? String(outcome) : outcome)
const gotten = (res: Response) => {
  const outcome = classify(res)
  const where = res.headers.get('location')
  return `${typeof outcome === 'number' ? '' : `${outcome} `}(${res.status}${where ? ` → ${where}` : ''})`
}
