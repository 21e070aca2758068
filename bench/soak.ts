import { readFileSync } from 'node:fs'
import http from 'node:http'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type pg from 'pg'
import { benchDatabase } from './support/bench-database'
import { respondent } from './support/bench-respondent'
import { seedBenchSchools } from './support/bench-seed'
import { freePort, startBenchServer } from './support/bench-server'
import { percentile } from './support/latency'

// `npm run soak [-- --minutes 10 --respondents 100]`: the app in its own process on a fresh PostgreSQL database,
// respondents autosaving with think time for a long while. Not a test (no pass or fail, not in CI): it prints,
// every 30 s, the saves, the errors, p50/p99 and the server's resident memory, so a leak or a slow drift shows.

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, respondents: { type: 'string', default: '100' } } })
const MINUTES = Number(values.minutes)
const RESPONDENTS = Number(values.respondents)
const REPORT_EVERY_MS = 30_000 // the brief's interval: long enough for a stable p99, short enough to see a trend
const THINK_MS = { min: 1_000, max: 4_000 } // a person typing a figure, then moving to the next question
// Percentages every md school is asked: each respondent moves between them as a person does on the area page.
const ITEMS = ['student-diversity.first-gen-share', 'student-diversity.rural-share', 'student-diversity.low-income-share']

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The server's resident memory now and at its peak, in MiB, from /proc (the child is a plain `node` process). */
function serverMemory(pid: number) {
  let status = ''
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    // the server is gone: its memory shows as NaN and its saves as errors
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

type Window = { latencies: number[]; errors: Map<string, number>; since: number }
const newWindow = (): Window => ({ latencies: [], errors: new Map(), since: Date.now() })

/** The throwaway database is dropped however the run ends (a server that would not start included). */
async function soak() {
  if (!(MINUTES > 0 && RESPONDENTS > 0)) throw new Error('--minutes and --respondents must be positive numbers')
  const bench = await benchDatabase()
  try {
    await soakOn(bench)
  } finally {
    await bench.drop()
  }
}

async function soakOn(bench: Awaited<ReturnType<typeof benchDatabase>>) {
  const { schools } = await seedBenchSchools(bench.pool, RESPONDENTS, { cycleStatus: 'open', responseStatus: 'in_progress' })
  const server = await startBenchServer(bench.url, await freePort())
  // One socket per respondent at most, each with one save in flight at most: the load is bounded by design.
  const agent = new http.Agent({ keepAlive: true, maxSockets: RESPONDENTS })
  const acknowledged = new Map<string, number>() // `${responseId} ${itemId}` → the last value the server confirmed
  let window = newWindow()
  const all: number[] = []
  let errorCount = 0
  const startedAt = Date.now()
  const until = startedAt + MINUTES * 60_000
  console.log(`Soak: ${RESPONDENTS} respondents, think time ${THINK_MS.min}–${THINK_MS.max} ms, ${MINUTES} min, server pid ${server.pid}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log('| elapsed | saves | saves/s | errors | p50 ms | p99 ms | server RSS MiB | load (1 min) |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
  const report = () => {
    const sorted = window.latencies.sort((a, b) => a - b)
    const errors = [...window.errors].map(([what, n]) => `${n}× ${what}`).join('; ')
    const seconds = Math.round((Date.now() - startedAt) / 1000)
    console.log(
      `| ${seconds} s | ${sorted.length} | ${(sorted.length / ((Date.now() - window.since) / 1000)).toFixed(1)} | ${[...window.errors.values()].reduce((a, b) => a + b, 0)}${errors ? ` (${errors})` : ''} ` +
        `| ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${serverMemory(server.pid).rss.toFixed(0)} | ${loadavg()[0]!.toFixed(2)} |`,
    )
    window = newWindow()
  }
  const timer = setInterval(report, REPORT_EVERY_MS)
  const memoryAtStart = serverMemory(server.pid)
  try {
    await Promise.all(schools.map(async (school, i) => {
      const save = respondent(agent, server.baseUrl, school)
      await sleep(Math.random() * THINK_MS.max) // people do not all arrive in the same millisecond
      for (let n = 0; Date.now() < until; n++) {
        const itemId = ITEMS[(i + n) % ITEMS.length]!
        const value = (i * 7 + n) % 100
        const t = performance.now()
        try {
          await save(itemId, value)
          const ms = performance.now() - t
          window.latencies.push(ms)
          all.push(ms)
          acknowledged.set(`${school.responseId} ${itemId}`, value)
        } catch (err) {
          errorCount++
          const what = (err as Error).message.slice(0, 60)
          window.errors.set(what, (window.errors.get(what) ?? 0) + 1)
        }
        await sleep(THINK_MS.min + Math.random() * (THINK_MS.max - THINK_MS.min))
      }
    }))
  } finally {
    clearInterval(timer)
  }
  if (window.latencies.length > 0 || window.errors.size > 0) report()
  const memoryAtEnd = serverMemory(server.pid)
  agent.destroy()
  await server.stop()
  const lost = await unsavedAcknowledgements(bench.pool, acknowledged)
  all.sort((a, b) => a - b)
  console.log(`\nTotal: ${all.length} saves (${(all.length / (MINUTES * 60)).toFixed(1)}/s), ${errorCount} errors, p50 ${percentile(all, 50).toFixed(1)} ms, ` +
    `p99 ${percentile(all, 99).toFixed(1)} ms, max ${all.at(-1)?.toFixed(1)} ms`)
  console.log(`Server RSS: ${memoryAtStart.rss.toFixed(0)} MiB after start, ${memoryAtEnd.rss.toFixed(0)} MiB at the end, peak ${memoryAtEnd.peak.toFixed(0)} MiB`)
  console.log(`Acknowledged answers checked in the database: ${acknowledged.size}, not as confirmed: ${lost}`)
  console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

/** Each answer's last confirmed value must be the stored one: a soak that loses saves has not passed. */
async function unsavedAcknowledgements(pool: pg.Pool, acknowledged: Map<string, number>): Promise<number> {
  const { rows } = await pool.query<{ key: string; value: unknown }>(`SELECT response_id || ' ' || item_id AS key, value FROM answers`)
  const stored = new Map(rows.map((r) => [r.key, r.value]))
  return [...acknowledged].filter(([key, value]) => stored.get(key) !== value).length
}

soak().catch((err) => {
  console.error(err)
  process.exit(1)
})
