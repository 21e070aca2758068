import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startProgress } from '../../src/db/queries/job-progress'
import { startQueue } from '../../src/jobs/queue'
import { ISSUE_ALL_KIND, issueAllBadges } from '../../src/services/badges/badge-issue'
import { badgeIssuerSource } from '../../src/services/badges/badge-issuer'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'
import { benchDatabase } from '../support/bench-database'
import { seedBenchSchools } from '../support/bench-seed'
import { startBenchServer } from '../support/bench-server'

const SCHOOLS = 300
const REQUESTS = 60
const PORT = 4187

/**
 * Badges: the console's "issue all" for 300 paid orders, run as the job runs it (one short transaction per badge:
 * status bit, image, PNG, signed credential, order, audit, e-mail queued), and the public verification page's median
 * time beside the home page's, both served by the real server in the same run (decision 070: ratios, not ms).
 */
export const badges: Scenario = {
  name: 'badges',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    const keyDir = mkdtempSync(join(tmpdir(), 'smm-bench-badge-key-'))
    try {
      const { cycleId } = await seedBenchSchools(bench.pool, SCHOOLS, { cycleStatus: 'closed', responseStatus: 'submitted' })
      const now = Date.now()
      await bench.pool.query('INSERT INTO badge_offers (cycle_id, valid_from, valid_until) VALUES ($1, $2, $3)', [cycleId, new Date(now - 86_400_000), new Date(now + 365 * 86_400_000)])
      await bench.pool.query(`INSERT INTO badge_offer_fees (cycle_id, discipline, fee_cents) VALUES ($1, 'md', 25000)`, [cycleId])
      await bench.pool.query(
        `INSERT INTO badge_orders (cycle_id, school_id, status, payment_method, fee_cents, billing_name, billing_email, billing_address, paid_at)
         SELECT $1, school_id, 'paid', 'invoice', 25000, 'Dean''s office', 'billing@example.test', '1 College Road', now() FROM cycle_participations WHERE cycle_id = $1`,
        [cycleId],
      )
      const db = bench.database.db
      const queue = await startQueue(bench.database, bench.url)
      const server = await startBenchServer(bench.url, PORT)
      try {
        const issuer = await badgeIssuerSource({ baseUrl: server.baseUrl, dataDir: keyDir, configuredKey: undefined })()
        const started = performance.now()
        await issueAllBadges(db, queue, issuer, { cycleId, progressId: await startProgress(db, ISSUE_ALL_KIND, cycleId, SCHOOLS) })
        const issueMs = performance.now() - started
        const { rows } = await bench.pool.query<{ n: number; public_id: string }>('SELECT count(*) OVER ()::int AS n, public_id FROM badges WHERE cycle_id = $1', [cycleId])
        if (rows[0]?.n !== SCHOOLS) throw new Error(`issued ${rows[0]?.n ?? 0} of ${SCHOOLS}`)

        // The two pages, alternating, so both see the same load on this shared machine.
        const timed = async (path: string) => {
          const t = performance.now()
          const res = await fetch(`${server.baseUrl}${path}`)
          await res.arrayBuffer()
          if (!res.ok) throw new Error(`${path}: ${res.status}`)
          return performance.now() - t
        }
        const verifyPaths = rows.slice(0, REQUESTS).map((r) => `/badges/verify/${r.public_id}`)
        await timed('/')
        await timed(verifyPaths[0]!)
        const home: number[] = []
        const verify: number[] = []
        for (const path of verifyPaths) {
          home.push(await timed('/'))
          verify.push(await timed(path))
        }
        const [homeMs, verifyMs] = [median(home), median(verify)]
        return [
          { scenario: 'badges', measure: `issue badges for ${SCHOOLS} schools as one job`, value: issueMs / 1000, unit: 's', budget: { max: 120 } },
          { scenario: 'badges', measure: 'per badge (image, PNG, signed credential, e-mail queued)', value: issueMs / SCHOOLS, unit: 'ms' },
          { scenario: 'badges', measure: `verification page, median of ${REQUESTS}`, value: verifyMs, unit: 'ms' },
          { scenario: 'badges', measure: `baseline: home page, median of ${REQUESTS}, same run`, value: homeMs, unit: 'ms' },
          { scenario: 'badges', measure: 'ratio verification page / home page', value: verifyMs / homeMs, unit: '×', budget: { max: 3 } },
        ]
      } finally {
        await server.stop()
        await queue.stop()
      }
    } finally {
      rmSync(keyDir, { recursive: true, force: true })
      await bench.drop()
    }
  },
}
