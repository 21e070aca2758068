import { mkdtempSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { loadConfig } from '../../src/config'
import { startQueue } from '../../src/jobs/queue'
import { databaseAnswers } from '../../src/runtime'
import { badgeIssuerSource } from '../../src/services/badges/badge-issuer'
import { createApp } from '../../src/web/app'
import type { Row, Scenario } from '../harness'
import { benchDatabase, ignoreTerminatedIdleClients } from '../support/bench-database'
import { startBenchServer } from '../support/bench-server'
import { cpuMeter, databaseBackendPids } from '../support/process-cpu'
import { respondent } from '../support/bench-respondent'
import { seedBenchSchools, type BenchSchool } from '../support/bench-seed'

const PORT = 3918
const RESPONDENTS = 100
const POOL_SIZE = 10 // the app's pool (src/db/client.ts)
const WARM_UP_MS = 2_000
const MEASURE_MS = 12_000 // per phase, in ROUNDS slices
const ROUNDS = 3
const ITEM = 'student-diversity.first-gen-share' // a percentage every md school is asked

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

/** Runs `loops` concurrent callers of `once` until `ms` has passed; returns each call's latency in ms. */
async function closedLoop(loops: number, ms: number, once: (loop: number, n: number) => Promise<void>) {
  const latencies: number[] = []
  const started = performance.now()
  const until = started + ms
  await Promise.all(Array.from({ length: loops }, async (_, loop) => {
    for (let n = 0; performance.now() < until; n++) {
      const t = performance.now()
      await once(loop, n)
      latencies.push(performance.now() - t)
    }
  }))
  // Calls started before `until` finish after it: the rate is over the time they really took.
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 }
}

const UPSERT = `INSERT INTO bench_upserts VALUES ($1, $2, $3, 1, now())
  ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value, version = bench_upserts.version + 1, updated_at = now()
  RETURNING version`

/**
 * The database's own ceiling: single-row upserts of the same shape through a pool of the app's size, as plain
 * `pool.query(text, values)` (the budget's baseline) and, for reference, as a named prepared statement.
 */
async function baselineUpserts(url: string, schools: BenchSchool[]) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
  ignoreTerminatedIdleClients(pool)
  await pool.query(`CREATE TABLE bench_upserts (response_id uuid, item_id text, value jsonb, version int NOT NULL, updated_at timestamptz, PRIMARY KEY (response_id, item_id))`)
  const upsert = (name?: string) => (loop: number, n: number) =>
    pool.query({ name, text: UPSERT, values: [schools[loop]!.responseId, ITEM, JSON.stringify(n % 100)] }).then(() => undefined)
  return { plain: upsert(), prepared: upsert('bench_upsert'), end: () => pool.end() }
}

type Phase = (loop: number, n: number) => Promise<void>
type Cpu = { loadGenerator: number; server: number; database: number }
type Run = { latencies: number[]; seconds: number; cpu: Cpu }
type Meter = ReturnType<typeof cpuMeter>

/**
 * Runs the phases in turn, ROUNDS times, and adds up each phase's calls and the CPU each part of the machine spent
 * on them: on a shared machine a slow patch then lands on every phase alike instead of on whichever ran during it.
 */
async function interleaved(meter: Meter, phases: Phase[]): Promise<Run[]> {
  for (const phase of phases) await closedLoop(RESPONDENTS, WARM_UP_MS, phase)
  const totals: Run[] = phases.map(() => ({ latencies: [], seconds: 0, cpu: { loadGenerator: 0, server: 0, database: 0 } }))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, phase] of phases.entries()) {
      const { out, cpu } = await meter(() => closedLoop(RESPONDENTS, MEASURE_MS / ROUNDS, phase))
      const total = totals[i]!
      total.latencies.push(...out.latencies)
      total.seconds += out.seconds
      for (const part of ['loadGenerator', 'server', 'database'] as const) total.cpu[part] += cpu[part]
    }
  }
  return totals.map((t) => ({ ...t, latencies: t.latencies.sort((a, b) => a - b) }))
}

/** CPU milliseconds per operation, by part of the machine. */
const cpuPerCall = (run: Run) => {
  const per = (ms: number) => ms / run.latencies.length
  return { loadGenerator: per(run.cpu.loadGenerator), server: per(run.cpu.server), database: per(run.cpu.database), total: per(run.cpu.loadGenerator + run.cpu.server + run.cpu.database) }
}

/** Statements one autosave sends, counted in-process around the pool's query on the same database. */
async function statementsPerSave(url: string, school: BenchSchool) {
  const { openDatabase } = await import('../../src/db/client')
  const database = await openDatabase({ url })
  if (database.engine === 'postgres') ignoreTerminatedIdleClients(database.pool)
  const queue = await startQueue(database, url)
  try {
    const origin = 'http://localhost'
    const app = createApp({ db: database.db, jobs: queue, config: loadConfig({ NODE_ENV: 'test', PUBLIC_URL: origin }), checkHealth: () => databaseAnswers(database), badgeIssuer: badgeIssuerSource({ baseUrl: origin, dataDir: mkdtempSync(join(tmpdir(), 'smm-bench-key-')), configuredKey: undefined }) }, pino({ level: 'silent' }))
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
      const agent = new http.Agent({ keepAlive: true, maxSockets: RESPONDENTS })
      const baseline = await baselineUpserts(bench.url, schools)
      const loops = schools.slice(0, RESPONDENTS).map((s) => respondent(agent, server.baseUrl, s))
      const save = async (loop: number, n: number) => void (await loops[loop]!(ITEM, n % 100))
      const meter = cpuMeter(server.pid, () => databaseBackendPids(bench.pool))
      const [app, base, prepared] = (await interleaved(meter, [save, baseline.plain, baseline.prepared]).finally(async () => {
        agent.destroy()
        await baseline.end()
        await server.stop()
      })) as [Run, Run, Run]
      const statements = await statementsPerSave(bench.url, schools[RESPONDENTS]!)
      const appRate = app.latencies.length / app.seconds
      const baseRate = base.latencies.length / base.seconds
      const preparedRate = prepared.latencies.length / prepared.seconds
      const appCpu = cpuPerCall(app)
      const baseCpu = cpuPerCall(base)
      return [
        { scenario: 'autosave', measure: `app: saves/s, ${RESPONDENTS} respondents over HTTP`, value: appRate, unit: '/s' },
        { scenario: 'autosave', measure: 'baseline: raw pg upserts/s, same concurrency', value: baseRate, unit: '/s' },
        { scenario: 'autosave', measure: 'throughput app / baseline', value: appRate / baseRate, unit: '×', budget: { min: 0.3 } },
        { scenario: 'autosave', measure: 'app p50 latency', value: percentile(app.latencies, 50), unit: 'ms' },
        { scenario: 'autosave', measure: 'app p99 latency', value: percentile(app.latencies, 99), unit: 'ms', budget: { max: 100 } },
        { scenario: 'autosave', measure: 'baseline p99 latency', value: percentile(base.latencies, 99), unit: 'ms' },
        { scenario: 'autosave', measure: 'for reference: the same upserts as a prepared statement', value: preparedRate, unit: '/s' },
        { scenario: 'autosave', measure: 'throughput app / prepared upserts', value: appRate / preparedRate, unit: '×' },
        { scenario: 'autosave', measure: 'CPU per save: app server', value: appCpu.server, unit: 'ms' },
        { scenario: 'autosave', measure: 'CPU per save: database backends', value: appCpu.database, unit: 'ms' },
        { scenario: 'autosave', measure: 'CPU per save: load generator (HTTP client)', value: appCpu.loadGenerator, unit: 'ms' },
        { scenario: 'autosave', measure: 'CPU per baseline upsert: database backends', value: baseCpu.database, unit: 'ms' },
        { scenario: 'autosave', measure: 'CPU per baseline upsert: load generator (pg client)', value: baseCpu.loadGenerator, unit: 'ms' },
        { scenario: 'autosave', measure: 'CPU per baseline upsert / CPU per save (whole machine)', value: baseCpu.total / appCpu.total, unit: '×' },
        { scenario: 'autosave', measure: 'SQL statements per save', value: statements, unit: 'stmts', budget: { max: 5 } },
      ]
    } finally {
      await bench.drop()
    }
  },
}
