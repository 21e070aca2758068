import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { cycleStatusCsv } from '../../src/services/cycles/cycle-monitoring'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'
import { benchDatabase } from '../support/bench-database'
import { seedBenchAdmin, seedBenchSchools } from '../support/bench-seed'

const ROWS = 2_000

/**
 * The analyst's "2,000 responses with answer labels" export is not built yet, so this measures the nearest real
 * export: a cycle's status list as CSV at 2,000 schools (school, state, discipline, status, mail state, dates,
 * reminders), through the real service, against reading the same participations with one plain query.
 */
export const exportsScenario: Scenario = {
  name: 'exports',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { cycleId } = await seedBenchSchools(bench.pool, ROWS, { cycleStatus: 'open', responseStatus: 'in_progress', disciplines: DISCIPLINES })
      const admin = await seedBenchAdmin(bench.pool)
      const times = async (work: () => Promise<unknown>) => {
        await work() // warm
        const ms: number[] = []
        for (let i = 0; i < 5; i++) {
          const t = performance.now()
          await work()
          ms.push(performance.now() - t)
        }
        return median(ms)
      }
      let size = 0
      const csvMs = await times(async () => (size = (await cycleStatusCsv(bench.database.db, admin, cycleId)).length))
      const readMs = await times(() => bench.pool.query(
        'SELECT s.name, s.state, s.discipline, p.* FROM cycle_participations p JOIN schools s ON s.id = p.school_id WHERE p.cycle_id = $1', [cycleId],
      ))
      return [
        { scenario: 'exports', measure: `cycle status CSV, ${ROWS.toLocaleString('en')} schools (${Math.round(size / 1024)} KiB, median of 5)`, value: csvMs, unit: 'ms', budget: { max: 1000 } },
        { scenario: 'exports', measure: 'baseline: read the same rows', value: readMs, unit: 'ms' },
      ]
    } finally {
      await bench.drop()
    }
  },
}
