import { startProgress } from '../../src/db/queries/job-progress'
import { DISCIPLINES } from '../../src/domain/school/school-facts'
import type { Actor } from '../../src/domain/policy/roles'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { writeExportFile } from '../../src/services/research/export-files'
import { prepareExport } from '../../src/services/research/research-export'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'
import { seedBenchAnswers } from '../support/bench-answers'
import { benchDatabase } from '../support/bench-database'
import { seedBenchSchools } from '../support/bench-seed'

const ROWS = 2_000

/**
 * The analyst's de-identified export of a scored 2,000-school cycle (every discipline, answers to every scored
 * item), through the real service and writers as the download route runs them: plan the de-identification, stream
 * the rows from the database a page at a time, encode each answer with its labels, write CSV and SPSS .sav. Beside
 * each, a plain read of the same rows (responses with their schools and scores, and all their answers) in the same
 * run, so the ratio says what labelling and writing cost over reading.
 */
export const exportsScenario: Scenario = {
  name: 'exports',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const db = bench.database.db
      const { cycleId, schools } = await seedBenchSchools(bench.pool, ROWS, { cycleStatus: 'closed', responseStatus: 'submitted', disciplines: DISCIPLINES })
      await seedBenchAnswers(bench.pool, await storedInstrument(db, 'smm-2024'), schools.map((s) => s.responseId))
      await bench.pool.query(`UPDATE responses SET certified_by_name = 'Bench Dean' WHERE cycle_id = $1`, [cycleId])
      await buildCycleReports(db, { cycleId, progressId: await startProgress(db, BUILD_REPORTS_KIND, cycleId, ROWS) })
      const { rows: [user] } = await bench.pool.query<{ id: string }>(`INSERT INTO users (email, program_role) VALUES ('bench-analyst@example.test', 'analyst') RETURNING id`)
      const analyst: Actor = { kind: 'user', userId: user!.id, email: 'bench-analyst@example.test', name: null, programRole: 'analyst', memberships: [] }

      const times = async (work: () => Promise<unknown>) => {
        await work() // warm (the first export also makes the study ids)
        const ms: number[] = []
        for (let i = 0; i < 5; i++) {
          const t = performance.now()
          await work()
          ms.push(performance.now() - t)
        }
        return median(ms)
      }
      const sizes: Record<string, number> = {}
      const exportAs = (format: 'csv' | 'sav') => async () => {
        const prepared = await prepareExport(db, analyst, cycleId, 'deidentified')
        let bytes = 0
        await writeExportFile(prepared, format, { write: (chunk) => void (bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length) }, new Date())
        sizes[format] = bytes
        return prepared
      }
      const prepared = await exportAs('csv')()
      const cpuBefore = process.cpuUsage()
      const csvMs = await times(exportAs('csv'))
      // This process's CPU time (the database server's is not in it): steadier than wall time on a loaded machine.
      const cpu = process.cpuUsage(cpuBefore)
      const savMs = await times(exportAs('sav'))
      const readMs = await times(async () => {
        await bench.pool.query(
          `SELECT r.id, s.discipline, s.control, s.carnegie_group, s.state, sc.areas, sc.domains, sc.overall
           FROM responses r JOIN schools s ON s.id = r.school_id LEFT JOIN response_scores sc ON sc.response_id = r.id WHERE r.cycle_id = $1`, [cycleId])
        await bench.pool.query(`SELECT a.response_id, a.item_id, a.value FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = $1`, [cycleId])
      })
      const vars = prepared.layout.variables.length
      const kib = (n = 0) => Math.round(n / 1024)
      return [
        { scenario: 'exports', measure: `de-identified CSV, ${ROWS.toLocaleString('en')} responses × ${vars} labelled variables (${kib(sizes['csv'])} KiB, median of 5)`, value: csvMs, unit: 'ms', budget: { max: 1000 } },
        { scenario: 'exports', measure: 'bench process CPU time per CSV export (user + system)', value: (cpu.user + cpu.system) / 1000 / 6, unit: 'ms' },
        { scenario: 'exports', measure: `de-identified SPSS .sav, same rows (${kib(sizes['sav'])} KiB, median of 5)`, value: savMs, unit: 'ms' },
        { scenario: 'exports', measure: 'baseline: read the same rows and answers', value: readMs, unit: 'ms' },
      ]
    } finally {
      await bench.drop()
    }
  },
}
