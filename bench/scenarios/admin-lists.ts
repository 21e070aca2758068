import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { startProgress } from '../../src/db/queries/job-progress'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'
import { benchDatabase } from '../support/bench-database'
import { startBenchServer } from '../support/bench-server'
import { benchAdminCookie, seedBenchSchools } from '../support/bench-seed'

// Issue 21's pages at national scale (decision 163): every admin list rendered for a 2,000-school cycle and for a
// 30-school one, each in its own database and server, in the same run and alternating request by request, so load
// on the shared machine falls on both alike. The row is the ratio of the large page's median time to the small
// one's, held to 2 ×; its HTML size is printed beside it.

const LARGE = 2_000
const SMALL = 30
const ROUNDS = 9

type Site = Awaited<ReturnType<typeof site>>

/** A database with one scored, closed cycle of `count` schools, a mail and an inbox item and audit rows per school. */
async function site(count: number, port: number) {
  const bench = await benchDatabase()
  const db = bench.database.db
  const { cycleId } = await seedBenchSchools(bench.pool, count, { cycleStatus: 'closed', responseStatus: 'submitted', disciplines: DISCIPLINES })
  await bench.pool.query(`UPDATE responses SET certified_by_name = 'Bench Dean' WHERE cycle_id = $1`, [cycleId])
  await buildCycleReports(db, { cycleId, progressId: await startProgress(db, BUILD_REPORTS_KIND, cycleId, count) })
  await bench.pool.query(
    `INSERT INTO mail_messages (kind, to_address, subject, text_body, status)
     SELECT 'invitation', 'dean-' || n || '@example.test', 'Invitation ' || n, 'Hello', 'sent' FROM generate_series(1, $1) n`, [count])
  await bench.pool.query(
    `INSERT INTO inbox_items (kind, sender_name, sender_email, subject, message)
     SELECT 'general', 'Sender ' || n, 'sender-' || n || '@example.test', 'Question ' || n, 'A question' FROM generate_series(1, $1) n`, [count])
  await bench.pool.query(`INSERT INTO audit_events (action, subject) SELECT 'cycle.reminder-sent', 'bench-' || n FROM generate_series(1, $1) n`, [count])
  const cookie = await benchAdminCookie(bench.pool)
  const server = await startBenchServer(bench.url, port)
  return { bench, server, cycleId, cookie }
}

/** Wall time and size of one page as the signed-in admin gets it. */
async function load(s: Site, path: string) {
  const started = performance.now()
  const res = await fetch(`${s.server.baseUrl}${path.replace(':cycle', s.cycleId)}`, { headers: { cookie: s.cookie } })
  const html = await res.text()
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
  return { ms: performance.now() - started, bytes: Buffer.byteLength(html) }
}

const PAGES = [
  ['cycle schools', '/admin/cycles/:cycle'],
  ['cycle reports', '/admin/cycles/:cycle/reports'],
  ['directory', '/admin/schools'],
  ['accounts', '/admin/accounts'],
  ['inbox', '/admin/inbox'],
  ['mail outbox', '/admin/mail'],
  ['audit log', '/admin/audit'],
] as const

export const adminLists: Scenario = {
  name: 'admin-lists',
  async run(): Promise<Row[]> {
    const large = await site(LARGE, 3931)
    const small = await site(SMALL, 3932)
    try {
      const rows: Row[] = []
      for (const [label, path] of PAGES) {
        await load(large, path)
        await load(small, path) // warm both (prepared statements, JIT)
        const times = { large: [] as number[], small: [] as number[] }
        let bytes = { large: 0, small: 0 }
        for (let i = 0; i < ROUNDS; i++) {
          const a = await load(large, path)
          const b = await load(small, path)
          times.large.push(a.ms)
          times.small.push(b.ms)
          bytes = { large: a.bytes, small: b.bytes }
        }
        const [l, s] = [median(times.large), median(times.small)]
        rows.push({
          scenario: 'admin-lists',
          measure: `${label}: ${LARGE.toLocaleString('en')} schools ${l.toFixed(1)} ms, ${Math.round(bytes.large / 1024)} KiB ÷ ${SMALL} schools ${s.toFixed(1)} ms, ${Math.round(bytes.small / 1024)} KiB (median of ${ROUNDS})`,
          value: l / s, unit: '×', budget: { max: 2 },
        })
      }
      return rows
    } finally {
      for (const s of [large, small]) {
        await s.server.stop()
        await s.bench.drop()
      }
    }
  },
}
