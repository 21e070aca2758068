import fc from 'fast-check'
import { expect, test } from 'vitest'
import { applicationTables, changedTables, fingerprint } from './database-fingerprint'
import { describeRequest, fuzzRequests, toRequest, type FuzzRequest } from './fuzz-requests'
import { FUZZED_ROUTES, type FuzzArea, type RouteSpec } from './fuzz-routes'
import type { FuzzWorld } from './fuzz-world'
import { unreadableBecause } from './readable-answer'

/**
 * Runs per route. Kept small so each engine's whole fuzz stays well under a minute on a loaded machine; raise it
 * locally (`FUZZ_RUNS=500`) to search harder. The seed is fast-check's own random one: a failure prints it.
 */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 10)
/** Replays a failure: the seed and path fast-check printed (`FUZZ_SEED=-832389229 FUZZ_PATH=9:1:1`). */
const REPLAY = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {}

const realParams = (world: FuzzWorld, spec: RouteSpec) => Object.fromEntries(Object.entries(spec.params ?? {}).map(([name, ref]) => [name, world.ids[ref]]))
const withParams = (pattern: string, params: Record<string, string>) => pattern.replace(/:([A-Za-z]+)/g, (_, n: string) => params[n] ?? n)

/** The field names a route's form uses: listed, or read from the page that draws the form (data-driven forms). */
async function fieldsOf(world: FuzzWorld, spec: RouteSpec): Promise<string[]> {
  if (Array.isArray(spec.fields)) return [...spec.fields]
  const page = withParams((spec.fields as { page: string }).page, realParams(world, spec))
  const res = await world.app.request(page, { headers: world.headersOf(spec.persona) })
  const names = [...(await res.text()).matchAll(/name="([^"]+)"/g)].map((m) => m[1]!).filter((n) => n !== 'description' && n !== 'viewport')
  if (res.status !== 200 || names.length === 0) throw new Error(`fuzz: the form page ${page} answered ${res.status} with ${names.length} fields`)
  return [...new Set(names)]
}

type Data = { tables: string[]; last: Record<string, string> }

/** Sends one request and checks the properties; `data.last` becomes the fingerprint after it, pass or fail. */
async function sendAndCheck(world: FuzzWorld, spec: RouteSpec, req: FuzzRequest, data: Data): Promise<number> {
  const before = data.last
  const sign = spec.body === 'stripe-event' ? world.stripeSignature : undefined
  const res = await world.app.request(req.path, toRequest(req, world.headersOf(spec.persona), sign))
  const body = await res.text()
  const after = await fingerprint(world.db, data.tables)
  data.last = after
  const seen = `${res.status} for ${describeRequest(req)}\n${body.slice(0, 600)}`
  expect(res.status, `a server error: ${seen}`).toBeLessThan(500)
  if (res.status >= 400) {
    expect(unreadableBecause(res.status, res.headers.get('content-type') ?? '', body), `unreadable: ${seen}`).toBeNull()
    expect(changedTables(before, after), `a refused request changed data: ${seen}`).toEqual([])
  }
  return res.status
}

/** A counterexample the fuzzer once found, kept: the same properties, and the status it answers since the fix. */
export type FixedCase = { route: string; request: Partial<FuzzRequest> & Pick<FuzzRequest, 'path' | 'encoding'>; status: number }

export async function checkFixedCase(world: FuzzWorld, fixed: FixedCase) {
  const spec = FUZZED_ROUTES[fixed.route] ?? fail(`no route ${fixed.route}`)
  const tables = await applicationTables(world.db)
  const data: Data = { tables, last: await fingerprint(world.db, tables) }
  expect(await sendAndCheck(world, spec, { pairs: [], ...fixed.request }, data)).toBe(fixed.status)
}

function fail(message: string): never {
  throw new Error(message)
}

/**
 * One test per route of the area: random requests as the route's persona; never a 5xx, a 4xx is readable and
 * leaves every table as it was. Requests that happen to be valid may succeed (then only "no 5xx" holds).
 */
export function fuzzArea(area: FuzzArea, world: () => FuzzWorld) {
  for (const [key, spec] of Object.entries(FUZZED_ROUTES).filter(([, s]) => s.area === area)) {
    const pattern = key.replace(/^POST /, '')
    test(`fuzz ${key}`, async () => {
      const w = world()
      const tables = await applicationTables(w.db)
      const ctx = { fields: await fieldsOf(w, spec), knownValues: Object.values(w.ids), realParams: realParams(w, spec) }
      const data: Data = { tables, last: await fingerprint(w.db, tables) }
      await fc.assert(
        fc.asyncProperty(fuzzRequests(pattern, spec, ctx), async (req) => {
          await sendAndCheck(w, spec, req, data)
        }),
        { numRuns: NUM_RUNS, ...REPLAY },
      )
    })
  }
}
