import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { instrumentForDiscipline } from '../../src/domain/instrument/instrument-applicability'
import { itemsOf } from '../../src/domain/instrument/instrument-model'
import { startProgress } from '../../src/db/queries/job-progress'
import { insertRelease } from '../../src/db/queries/scoring'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { launchBrowser } from '../../test/e2e/support/browser'
import type { Row, Scenario } from '../harness'
import { benchDatabase } from '../support/bench-database'
import { seedBenchAnswers } from '../support/bench-answers'
import { startBenchServer } from '../support/bench-server'
import { seedBenchSchools } from '../support/bench-seed'

export type PageWeight = { requests: number; transferredBytes: number; gzippedJsBytes: number; jsFiles: string[] }

/**
 * What a first visit to `url` costs in Chromium: every request the page makes, the bytes each response carried on
 * the wire (headers plus the body as sent, compressed when the server compressed it: Chromium asks for br and
 * gzip), and the JavaScript gzipped as a CDN would serve it.
 */
export async function measurePage(browser: Browser, url: string, cookies: { name: string; value: string }[] = []): Promise<PageWeight> {
  const context = await browser.newContext()
  if (cookies.length > 0) await context.addCookies(cookies.map((c) => ({ ...c, url })))
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const encoded = new Map<string, number>()
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => encoded.set(e.requestId, e.encodedDataLength))
  let requests = 0
  const jsBodies: { url: string; body: Buffer }[] = []
  page.on('request', () => requests++)
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') jsBodies.push({ url: res.url(), body: await res.body() })
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const transferredBytes = [...encoded.values()].reduce((sum, n) => sum + n, 0)
  const gzippedJsBytes = jsBodies.reduce((sum, js) => sum + gzipSync(js.body, { level: 9 }).length, 0)
  await context.close()
  return { requests, transferredBytes, gzippedJsBytes, jsFiles: jsBodies.map((j) => new URL(j.url).pathname.replace(/\.[0-9a-f]{12}(\.js)$/, '$1')) }
}

const PORT = 3919
const REPORT_SCHOOLS = 30

/** A released report of a scored cycle of 30 md schools, every scored item answered: what its leader opens. */
async function seedReleasedReport(bench: Awaited<ReturnType<typeof benchDatabase>>) {
  const db = bench.database.db
  const { cycleId, schools } = await seedBenchSchools(bench.pool, REPORT_SCHOOLS, { cycleStatus: 'closed', responseStatus: 'submitted' })
  await seedBenchAnswers(bench.pool, await storedInstrument(db, 'smm-2024'), schools.map((s) => s.responseId))
  await buildCycleReports(db, { cycleId, progressId: await startProgress(db, BUILD_REPORTS_KIND, cycleId, REPORT_SCHOOLS) })
  const [school] = schools
  await insertRelease(db, { responseId: school!.responseId, cycleId, schoolId: school!.schoolId })
  return school!
}

/**
 * First visits in Chromium as a signed-in leader: the questionnaire page of the area with the most questions, and
 * a released report (its chart is an inline SVG).
 */
export const pageWeight: Scenario = {
  name: 'page-weight',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { schools: [school] } = await seedBenchSchools(bench.pool, 1, { cycleStatus: 'open', responseStatus: 'in_progress' })
      const reportSchool = await seedReleasedReport(bench)
      const instrument = await storedInstrument(bench.database.db, 'smm-2024')
      const perArea = new Map<string, number>()
      for (const { area } of itemsOf(instrumentForDiscipline(instrument, 'md'))) perArea.set(area.id, (perArea.get(area.id) ?? 0) + 1)
      const [largest] = [...perArea].sort((a, b) => b[1] - a[1])[0]!
      const server = await startBenchServer(bench.url, PORT)
      try {
        const browser = await launchBrowser()
        try {
          const url = `${server.baseUrl}/school/responses/${school!.responseId}/areas/${largest}`
          const weight = await measurePage(browser, url, [{ name: 'smm_session', value: school!.sessionToken }])
          const report = await measurePage(browser, `${server.baseUrl}/school/reports/${reportSchool.responseId}`, [{ name: 'smm_session', value: reportSchool.sessionToken }])
          return [
            { scenario: 'page-weight', measure: `questionnaire page (${largest}, ${perArea.get(largest)} questions): requests`, value: weight.requests, unit: 'req', budget: { max: 8 } },
            { scenario: 'page-weight', measure: 'questionnaire page: bytes on the wire, first visit', value: weight.transferredBytes / 1024, unit: 'KiB', budget: { max: 15 } },
            { scenario: 'page-weight', measure: `gzipped JS (${weight.jsFiles.join(', ')})`, value: weight.gzippedJsBytes / 1024, unit: 'KiB', budget: { max: 40 } },
            { scenario: 'page-weight', measure: `report page (${REPORT_SCHOOLS}-school cycle, chart inline): requests`, value: report.requests, unit: 'req' },
            { scenario: 'page-weight', measure: 'report page: bytes on the wire, first visit', value: report.transferredBytes / 1024, unit: 'KiB', budget: { max: 30 } },
          ]
        } finally {
          await browser.close()
        }
      } finally {
        await server.stop()
      }
    } finally {
      await bench.drop()
    }
  },
}
