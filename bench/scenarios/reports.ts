import { startProgress } from '../../src/db/queries/job-progress'
import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { openReport } from '../../src/services/reports/report-view'
import { areaBenchmarkSvg } from '../../src/web/charts/area-benchmark-chart'
import { renderReportPdf } from '../../src/web/views/school/report-pdf'
import { chartRows } from '../../src/web/views/school/report-text'
import type { Row, Scenario } from '../harness'
import { seedBenchAnswers } from '../support/bench-answers'
import { benchDatabase } from '../support/bench-database'
import { seedBenchAdmin, seedBenchSchools } from '../support/bench-seed'

const SCHOOLS = 2_000
const SAMPLE = 50

/**
 * A scored cycle of 2,000 schools; 50 report PDFs made one after another in this one process (one core) exactly as
 * the PDF route makes them: open the report (placement against the frozen norms, audit), draw the chart, render.
 */
export const reports: Scenario = {
  name: 'reports',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { cycleId, schools } = await seedBenchSchools(bench.pool, SCHOOLS, { cycleStatus: 'closed', responseStatus: 'submitted', disciplines: DISCIPLINES })
      const db = bench.database.db
      await seedBenchAnswers(bench.pool, await storedInstrument(db, 'smm-2024'), schools.map((s) => s.responseId))
      await buildCycleReports(db, { cycleId, progressId: await startProgress(db, BUILD_REPORTS_KIND, cycleId, SCHOOLS) })
      const admin = await seedBenchAdmin(bench.pool)
      const pdfOf = async (responseId: string) => {
        const view = await openReport(db, admin, responseId, null, 'pdf')
        return renderReportPdf(view, await areaBenchmarkSvg(chartRows(view.areas)))
      }
      await pdfOf(schools[0]!.responseId) // warm: fonts, chart compiler
      let bytes = 0
      let renderMs = 0
      const started = performance.now()
      const cpuBefore = process.cpuUsage()
      for (const school of schools.slice(1, SAMPLE + 1)) {
        const view = await openReport(db, admin, school.responseId, null, 'pdf')
        const t = performance.now()
        const pdf = await renderReportPdf(view, await areaBenchmarkSvg(chartRows(view.areas)))
        renderMs += performance.now() - t
        bytes += pdf.length
      }
      const perSecond = SAMPLE / ((performance.now() - started) / 1000)
      // This process's CPU time (the database server's is not in it): steadier than wall time on a loaded machine.
      const cpu = process.cpuUsage(cpuBefore)
      return [
        { scenario: 'reports', measure: `report PDFs/s, one core (${SAMPLE} of a ${SCHOOLS.toLocaleString('en')}-school cycle)`, value: perSecond, unit: '/s' },
        { scenario: 'reports', measure: 'of which chart + PDF rendering, per report', value: renderMs / SAMPLE, unit: 'ms' },
        { scenario: 'reports', measure: 'bench process CPU time per report (user + system)', value: (cpu.user + cpu.system) / 1000 / SAMPLE, unit: 'ms' },
        { scenario: 'reports', measure: 'average PDF size', value: bytes / SAMPLE / 1024, unit: 'KiB' },
        { scenario: 'reports', measure: 'projected time for 2,000 reports', value: 2_000 / perSecond, unit: 's', budget: { max: 120 } },
      ]
    } finally {
      await bench.drop()
    }
  },
}
