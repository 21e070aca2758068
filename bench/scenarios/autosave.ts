import pg from 'pg'
import pino from 'pino'
import { loadConfig } from '../../src/config'
import { startQueue } from '../../src/jobs/queue'
import { databaseAnswers } from '../../src/runtime'
import { createApp } from '../../src/web/app'
import type { Row, Scenario } from '../harness'
import { benchDatabase, ignoreTerminatedIdleClients } from '../support/bench-database'
import { startBenchServer } from '../support/bench-server'
import { seedBenchSchools, type BenchSchool } from '../support/bench-seed'

const PORT = 3918
const RESPONDENTS = 100
const POOL_SIZE = 10 // the app's pool (src/db/client.ts)
const WARM_UP_MS = 2_000
const MEASURE_MS = 10_000
const ITEM = 'student-diversity.first-gen-share' // a percentage every md school is asked

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** Runs `loops` concurrent callers of `once` until `ms` has passed; returns each call's latency in ms. */
async function closedLoop(loops: number, ms: number, once: (loop: number, n: number) => Promise<void>) {
  const latencies: number[] = []
  const until = performance.now() + ms
  await Promise.all(Array.from({ length: loops }, async (_, loop) => {
    for (let n = 0; performance.now() < until; n++) {
      const t = performance.now()
      await once(loop, n)
      latencies.push(performance.now() - t)
    }
  }))
  return { latencies: latencies.sort((a, b) => a - b), seconds: ms / 1000 }
}

/** One respondent's saves in sequence, each on the version the previous one returned, as the page's script does. */
function respondent(baseUrl: string, school: BenchSchool) {
  let version = 0
  return async (n: number) => {
    const res = await fetch(`${baseUrl}/school/responses/${school.responseId}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl, Cookie: `smm_session=${school.sessionToken}` },
      body: JSON.stringify({ itemId: ITEM, value: n % 100, baseVersion: version }),
    })
    const body = (await res.json()) as { ok?: boolean; version?: number }
    if (res.status !== 200 || !body.ok) throw new Error(`autosave answered ${res.status}: ${JSON.stringify(body)}`)
    version = body.version!
  }
}

/** The database's own ceiling: single-row upserts of the same shape through a pool of the app's size. */
async function baselineUpserts(url: string, schools: BenchSchool[]) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
  ignoreTerminatedIdleClients(pool)
  try {
    await pool.query(`CREATE TABLE bench_upserts (response_id uuid, item_id text, value jsonb, version int NOT NULL, updated_at timestamptz, PRIMARY KEY (response_id, item_id))`)
    const upsert = (loop: number, n: number) => pool.query(
      `INSERT INTO bench_upserts VALUES ($1, $2, $3, 1, now())
       ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value, version = bench_upserts.version + 1, updated_at = now()
       RETURNING version`,
      [schools[loop]!.responseId, ITEM, JSON.stringify(n % 100)],
    ).then(() => undefined)
    await closedLoop(RESPONDENTS, WARM_UP_MS, upsert)
    return await closedLoop(RESPONDENTS, MEASURE_MS, upsert)
  } finally {
    await pool.end()
  }
}

/** Statements one autosave sends, counted in-process around the pool's query on the same database. */
async function statementsPerSave(url: string, school: BenchSchool) {
  const { openDatabase } = await import('../../src/db/client')
  const database = await openDatabase({ url })
  if (database.engine === 'postgres') ignoreTerminatedIdleClients(database.pool)
  const queue = await startQueue(database, url)
  try {
    const origin = 'http://localhost'
    const app = createApp({ db: database.db, jobs: queue, config: loadConfig({ NODE_ENV: 'test', PUBLIC_URL: origin }), checkHealth: () => databaseAnswers(database) }, pino({ level: 'silent' }))
    const save = (baseVersion: number) => app.request(`/school/responses/${school.responseId}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, Cookie: `smm_session=${school.sessionToken}` },
      body: JSON.stringify({ itemId: 'student-diversity.rural-share', value: 10 + baseVersion, baseVersion }),
    })
    await save(0)
    if (database.engine !== 'postgres') throw new Error('bench runs on PostgreSQL')
    const client = database.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }
    const original = client.query
    let n = 0
    client.query = function (this: unknown, ...args: unknown[]) {
      n++
      return original.apply(this, args)
    }
    const res = await save(1)
    client.query = original
    if (res.status !== 200) throw new Error(`in-process save answered ${res.status}`)
    return n
  } finally {
    await queue.stop()
    await database.close()
  }
}

/**
 * 100 signed-in respondents, each in its own school, saving through the real HTTP stack to the app in its own
 * process for 10 s, against the same number of raw upserts through `pg` in the same run.
 */
export const autosave: Scenario = {
  name: 'autosave',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { schools } = await seedBenchSchools(bench.pool, RESPONDENTS + 1, { cycleStatus: 'open', responseStatus: 'in_progress' })
      const server = await startBenchServer(bench.url, PORT)
      let app: Awaited<ReturnType<typeof closedLoop>>
      try {
        const loops = schools.slice(0, RESPONDENTS).map((s) => respondent(server.baseUrl, s))
        await closedLoop(RESPONDENTS, WARM_UP_MS, (loop, n) => loops[loop]!(n))
        app = await closedLoop(RESPONDENTS, MEASURE_MS, (loop, n) => loops[loop]!(n))
      } finally {
        await server.stop()
      }
      const base = await baselineUpserts(bench.url, schools)
      const statements = await statementsPerSave(bench.url, schools[RESPONDENTS]!)
      const appRate = app.latencies.length / app.seconds
      const baseRate = base.latencies.length / base.seconds
      return [
        { scenario: 'autosave', measure: `app: saves/s, ${RESPONDENTS} respondents over HTTP`, value: appRate, unit: '/s' },
        { scenario: 'autosave', measure: 'baseline: raw pg upserts/s, same concurrency', value: baseRate, unit: '/s' },
        { scenario: 'autosave', measure: 'throughput app / baseline', value: appRate / baseRate, unit: '×', budget: { min: 0.3 } },
        { scenario: 'autosave', measure: 'app p50 latency', value: percentile(app.latencies, 50), unit: 'ms' },
        { scenario: 'autosave', measure: 'app p99 latency', value: percentile(app.latencies, 99), unit: 'ms', budget: { max: 100 } },
        { scenario: 'autosave', measure: 'baseline p99 latency', value: percentile(base.latencies, 99), unit: 'ms' },
        { scenario: 'autosave', measure: 'SQL statements per save', value: statements, unit: 'stmts', budget: { max: 5 } },
      ]
    } finally {
      await bench.drop()
    }
  },
}
