import { mkdtempSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import pino from 'pino'
import { loadConfig } from '../../src/config'
import { batchedPer } from '../../src/db/batching'
import type { Db } from '../../src/db/client'
import { ANSWER_WRITE_BATCHING } from '../../src/db/queries/responses'
import { startQueue } from '../../src/jobs/queue'
import { databaseAnswers } from '../../src/runtime'
import { badgeIssuerSource } from '../../src/services/badges/badge-issuer'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { createApp } from '../../src/web/app'
import type { Row, Scenario } from '../harness'
import { seedBenchAnswers } from '../support/bench-answers'
import { benchDatabase, ignoreTerminatedIdleClients } from '../support/bench-database'
import { startBenchServer } from '../support/bench-server'
import { percentile } from '../support/latency'
import { cpuMeter, databaseBackendPids } from '../support/process-cpu'
import { respondent, storedVersions } from '../support/bench-respondent'
import { seedBenchSchools, type BenchSchool } from '../support/bench-seed'

const PORT = 3918 // and the next one, for the server with two web processes
const RESPONDENTS = 100
const POOL_SIZE = 10 // the app's pool (src/db/client.ts)
const WARM_UP_MS = 2_000
const MEASURE_MS = 12_000 // per phase, in ROUNDS slices
const ROUNDS = 3
const ITEM = 'student-diversity.first-gen-share' // a percentage every md school is asked

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

// The same upsert for many rows in one statement, each row's version answered in the rows' order.
const MULTI_ROW_UPSERT = `INSERT INTO bench_upserts SELECT r, i, v::jsonb, 1, now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(r, i, v)
  ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value, version = bench_upserts.version + 1, updated_at = now()
  RETURNING response_id, version`

/**
 * The database's own ceiling: upserts of the same shape through a pool of the app's size. Single-row, as plain
 * `pool.query(text, values)` (the budget's baseline) and, for reference, as a named prepared statement; and
 * multi-row, grouped exactly as the app groups concurrent autosaves (`ANSWER_WRITE_BATCHING`, decision 075), so the
 * batches are the same size as the app's under the same load.
 */
async function baselineUpserts(url: string, schools: BenchSchool[]) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE })
  ignoreTerminatedIdleClients(pool)
  await pool.query(`CREATE TABLE bench_upserts (response_id uuid, item_id text, value jsonb, version int NOT NULL, updated_at timestamptz, PRIMARY KEY (response_id, item_id))`)
  const upsert = (name?: string) => (loop: number, n: number) =>
    pool.query({ name, text: UPSERT, values: [schools[loop]!.responseId, ITEM, JSON.stringify(n % 100)] }).then(() => undefined)
  type Upsert = { responseId: string; value: string }
  // Each loop has one save in flight, on its own response: a batch never holds a row twice.
  const batched = batchedPer(async (_db, rows: Upsert[]) => {
    const result = await pool.query<{ response_id: string; version: number }>(MULTI_ROW_UPSERT, [rows.map((r) => r.responseId), rows.map(() => ITEM), rows.map((r) => r.value)])
    const versions = new Map(result.rows.map((row) => [row.response_id, row.version]))
    return rows.map((r) => versions.get(r.responseId))
  }, ANSWER_WRITE_BATCHING)
  const poolAsKey = pool as unknown as Db // the batcher keeps one queue per key
  const multiRow = (loop: number, n: number) => batched(poolAsKey, { responseId: schools[loop]!.responseId, value: JSON.stringify(n % 100) }).then(() => undefined)
  return { plain: upsert(), prepared: upsert('bench_upsert'), multiRow, end: () => pool.end() }
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
      // Not `push(...)`: a quiet machine records more latencies than a call takes arguments.
      for (const ms of out.latencies) total.latencies.push(ms)
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
async function statementsPerSave(url: string, school: BenchSchool, storedVersion: number) {
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
    await save(storedVersion)
    if (database.engine !== 'postgres') throw new Error('bench runs on PostgreSQL')
    const client = database.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> }
    const original = client.query
    let n = 0
    client.query = function (this: unknown, ...args: unknown[]) {
      n++
      return original.apply(this, args)
    }
    const res = await save(storedVersion + 1)
    client.query = original
    if (res.status !== 200) throw new Error(`in-process save answered ${res.status}`)
    return n
  } finally {
    await queue.stop()
    await database.close()
  }
}

/**
 * 100 signed-in respondents, each in its own school with a full response (~80 answers, as real ones), saving through
 * the real HTTP stack to the app, in one web process and in two (WEB_CONCURRENCY, decision 168), against the same
 * number of raw upserts through `pg`, single-row and multi-row, all in the same run.
 */
export const autosave: Scenario = {
  name: 'autosave',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { schools } = await seedBenchSchools(bench.pool, RESPONDENTS + 1, { cycleStatus: 'open', responseStatus: 'in_progress' })
      const responseIds = schools.map((s) => s.responseId)
      const answersSeeded = await seedBenchAnswers(bench.pool, await storedInstrument(bench.database.db, 'smm-2024'), responseIds)
      const versions = await storedVersions(bench.pool, responseIds)
      await bench.settle()
      const one = await startBenchServer(bench.url, PORT, { webProcesses: 1 })
      const two = await startBenchServer(bench.url, PORT + 1, { webProcesses: 2 }).catch(async (err) => {
        await one.stop()
        throw err
      })
      const agent = new http.Agent({ keepAlive: true, maxSockets: RESPONDENTS * 2 })
      const baseline = await baselineUpserts(bench.url, schools)
      // Both servers save the same responses (one at a time), so both go on from the versions either returned.
      const saver = (baseUrl: string) => {
        const loops = schools.slice(0, RESPONDENTS).map((s) => respondent(agent, baseUrl, s, versions.get(s.responseId)))
        return async (loop: number, n: number) => void (await loops[loop]!(ITEM, n % 100))
      }
      const meter = cpuMeter([one.pid, two.pid], () => databaseBackendPids(bench.pool))
      const phases = [saver(one.baseUrl), saver(two.baseUrl), baseline.plain, baseline.multiRow, baseline.prepared]
      const [app1, app2, base, multi, prepared] = (await interleaved(meter, phases).finally(async () => {
        agent.destroy()
        await baseline.end()
        await Promise.all([one.stop(), two.stop()])
      })) as [Run, Run, Run, Run, Run]
      const statementsSchool = schools[RESPONDENTS]!
      const statements = await statementsPerSave(bench.url, statementsSchool, versions.get(statementsSchool.responseId)!.get('student-diversity.rural-share') ?? 0)
      const rate = (run: Run) => run.latencies.length / run.seconds
      const p99 = (run: Run) => percentile(run.latencies, 99)
      const [cpu1, cpu2, baseCpu] = [cpuPerCall(app1), cpuPerCall(app2), cpuPerCall(base)]
      const row = (measure: string, value: number, unit: string, more: Partial<Row> = {}): Row => ({ scenario: 'autosave', measure, value, unit, ...more })
      return [
        row(`full responses: answers per response`, answersSeeded / responseIds.length, 'answers'),
        row('baseline: single-row pg upserts/s, same concurrency', rate(base), '/s'),
        row('baseline: multi-row pg upserts/s, batched as the app batches', rate(multi), '/s'),
        row(`app, 1 web process: saves/s, ${RESPONDENTS} respondents over HTTP`, rate(app1), '/s', { baseline: rate(base) }),
        row(`app, 2 web processes: saves/s, ${RESPONDENTS} respondents over HTTP`, rate(app2), '/s', { baseline: rate(base) }),
        row('throughput app (1 process) / single-row baseline', rate(app1) / rate(base), '×'),
        row('throughput app (2 processes) / single-row baseline', rate(app2) / rate(base), '×', { budget: { min: 0.6 } }),
        row('throughput app (2 processes) / multi-row baseline', rate(app2) / rate(multi), '×'),
        row('throughput 2 processes / 1 process', rate(app2) / rate(app1), '×'),
        row('app p50 latency, 1 process', percentile(app1.latencies, 50), 'ms'),
        row('app p50 latency, 2 processes', percentile(app2.latencies, 50), 'ms'),
        row('app p99 latency, 1 process', p99(app1), 'ms', { baseline: p99(base) }),
        row('app p99 latency, 2 processes', p99(app2), 'ms', { baseline: p99(base) }),
        row('baseline p99 latency: single-row / multi-row', p99(base), 'ms', { baseline: p99(multi) }),
        row('p99 app (2 processes) / single-row baseline p99', p99(app2) / p99(base), '×', { budget: { max: 2 } }),
        row('for reference: the same upserts as a prepared statement', rate(prepared), '/s'),
        row('CPU per save: app server, 1 process', cpu1.server, 'ms'),
        row('CPU per save: app server, 2 processes', cpu2.server, 'ms'),
        row('CPU per save: database backends (2 processes)', cpu2.database, 'ms'),
        row('CPU per save: load generator (HTTP client)', cpu2.loadGenerator, 'ms'),
        row('CPU per baseline upsert: database backends', baseCpu.database, 'ms'),
        row('CPU per baseline upsert: load generator (pg client)', baseCpu.loadGenerator, 'ms'),
        row('CPU per baseline upsert / CPU per save (whole machine, 2 processes)', baseCpu.total / cpu2.total, '×'),
        row('SQL statements per save', statements, 'stmts', { budget: { max: 5 } }),
      ]
    } finally {
      await bench.drop()
    }
  },
}
