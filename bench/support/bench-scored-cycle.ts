import { startProgress } from '../../src/db/queries/job-progress'
import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { seedBenchAnswers } from './bench-answers'
import type { benchDatabase } from './bench-database'
import { seedBenchSchools } from './bench-seed'

/** A closed cycle of `count` schools in every discipline, each answering every scored item, scored with frozen norms. */
export async function seedScoredBenchCycle(bench: Awaited<ReturnType<typeof benchDatabase>>, count: number) {
  const db = bench.database.db
  const seeded = await seedBenchSchools(bench.pool, count, { cycleStatus: 'closed', responseStatus: 'submitted', disciplines: DISCIPLINES })
  await seedBenchAnswers(bench.pool, await storedInstrument(db, 'smm-2024'), seeded.schools.map((s) => s.responseId))
  await buildCycleReports(db, { cycleId: seeded.cycleId, progressId: await startProgress(db, BUILD_REPORTS_KIND, seeded.cycleId, count) })
  return seeded
}
