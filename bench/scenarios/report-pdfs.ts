import { availableParallelism } from 'node:os'
import type { Row, Scenario } from '../harness'
import { benchDatabase } from '../support/bench-database'
import { freePort, startBenchServer } from '../support/bench-server'
import { benchAdminCookie } from '../support/bench-seed'
import { processCpuMs } from '../support/process-cpu'
import { seedScoredBenchCycle } from '../support/bench-scored-cycle'

// Issue 21: "2,000 report PDFs as a job that uses both cores, with progress; ≤ 60 s projected, measured through the
// real route". A scored cycle of BATCH schools; the admin's "Prepare every report as PDF" is posted to the server
// as `npm start` runs it, its progress polled over HTTP until done, and the zip downloaded: once with one drawing
// thread and once with one per core, in the same run (decision 170). The projection to 2,000 keeps the run's
// start (threads starting, first reports) as measured and scales the steady part at the rate it ran. The server's
// CPU time is read from /proc as well: under other load it is the steadier figure.

const BATCH = 200
const TARGET = 2_000
const POLL_MS = 200

type Progress = { status: string; done: number; total: number; error: string | null }

async function prepareThroughRoutes(server: { baseUrl: string; pid: number }, cookie: string, cycleId: string) {
  const baseUrl = server.baseUrl
  const page = `${baseUrl}/admin/cycles/${cycleId}/reports/pdfs`
  const started = performance.now()
  const cpuBefore = processCpuMs(server.pid)
  const post = await fetch(page, { method: 'POST', redirect: 'manual', headers: { cookie, origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
  if (post.status !== 303) throw new Error(`starting the job answered ${post.status}`)
  let first: { ms: number; done: number; cpu: number } | null = null
  for (;;) {
    const p = (await (await fetch(`${baseUrl}/admin/cycles/${cycleId}/progress/pdfs`, { headers: { cookie } })).json()) as Progress
    const ms = performance.now() - started
    if (p.status === 'failed') throw new Error(`the job failed: ${p.error}`)
    if (!first && p.done > 0 && p.done < p.total) first = { ms, done: p.done, cpu: processCpuMs(server.pid) }
    if (p.status === 'done') {
      // The same split for the server's CPU time: its start (threads loading their code) once, then per report.
      const cpuNow = processCpuMs(server.pid)
      const cpuPerReport = first ? (cpuNow - first.cpu) / (p.done - first.done) : (cpuNow - cpuBefore) / p.done
      const projectedCpu = (first ? first.cpu - cpuBefore : 0) + (TARGET - (first?.done ?? 0)) * cpuPerReport
      const steady = first ? (ms - first.ms) / (p.done - first.done) : ms / p.done
      const projected = (first?.ms ?? 0) + (TARGET - (first?.done ?? 0)) * steady
      const zipStarted = performance.now()
      const zip = await fetch(`${page}.zip`, { headers: { cookie } })
      const bytes = (await zip.arrayBuffer()).byteLength
      if (zip.status !== 200) throw new Error(`the zip answered ${zip.status}`)
      return { seconds: ms / 1000, projected: projected / 1000, cpuPerReport, projectedCpu: projectedCpu / 1000, zipSeconds: (performance.now() - zipStarted) / 1000, zipMiB: bytes / 1024 / 1024 }
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}

export const reportPdfs: Scenario = {
  name: 'report-pdfs',
  timeoutSeconds: 900,
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { cycleId } = await seedScoredBenchCycle(bench, BATCH)
      const cookie = await benchAdminCookie(bench.pool)
      await bench.settle()
      const cores = availableParallelism()
      const runs: Record<'one' | 'all', Awaited<ReturnType<typeof prepareThroughRoutes>>> = {} as never
      for (const [key, workers] of [['one', 1], ['all', cores]] as const) {
        const server = await startBenchServer(bench.url, await freePort(), { env: { REPORT_PDF_WORKERS: String(workers) } })
        try {
          runs[key] = await prepareThroughRoutes(server, cookie, cycleId)
        } finally {
          await server.stop()
        }
      }
      const label = (workers: number) => `${workers} drawing thread${workers === 1 ? '' : 's'}`
      return [
        { scenario: 'report-pdfs', measure: `job of ${BATCH} reports through the routes, ${label(1)}`, value: runs.one.seconds, unit: 's' },
        { scenario: 'report-pdfs', measure: `job of ${BATCH} reports through the routes, ${label(cores)}`, value: runs.all.seconds, unit: 's', baseline: runs.one.seconds },
        { scenario: 'report-pdfs', measure: `projected ${TARGET.toLocaleString('en')} reports, ${label(1)}`, value: runs.one.projected, unit: 's' },
        { scenario: 'report-pdfs', measure: `projected ${TARGET.toLocaleString('en')} reports, ${label(cores)}`, value: runs.all.projected, unit: 's', baseline: runs.one.projected, budget: { max: 60 } },
        { scenario: 'report-pdfs', measure: `speed-up of ${label(cores)} over one`, value: runs.one.projected / runs.all.projected, unit: '×' },
        // On a shared machine the wall time says how much CPU the others left us; the server's own CPU time per
        // report (every thread: reading, drawing, storing) says what 2,000 would take with the cores to ourselves.
        { scenario: 'report-pdfs', measure: `server CPU per report once started, ${label(cores)} (all threads)`, value: runs.all.cpuPerReport, unit: 'ms', baseline: runs.one.cpuPerReport },
        { scenario: 'report-pdfs', measure: `${TARGET.toLocaleString('en')} reports from CPU time on ${cores} cores of our own`, value: runs.all.projectedCpu / cores, unit: 's' },
        { scenario: 'report-pdfs', measure: `zip of ${BATCH} PDFs downloaded (${runs.all.zipMiB.toFixed(1)} MiB)`, value: runs.all.zipSeconds, unit: 's' },
      ]
    } finally {
      await bench.drop()
    }
  },
}
