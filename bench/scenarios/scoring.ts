import { startProgress } from '../../src/db/queries/job-progress'
import { OVERALL, placeSchool, summarizeGroups, type NormsMember } from '../../src/domain/benchmark/comparison-groups'
import { placeEveryMemberOnEach } from '../../src/domain/benchmark/placement-all'
import type { Answer } from '../../src/domain/instrument/instrument-answers'
import type { CarnegieGroup, Control, Discipline } from '../../src/domain/school/school-facts'
import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { scoreResponse } from '../../src/domain/scoring/response-score'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { BUILD_REPORTS_KIND, buildCycleReports } from '../../src/services/reports/cycle-scoring'
import { metricsOf } from '../../src/services/reports/report-instruments'
import type { Row, Scenario } from '../harness'
import { seedBenchAnswers } from '../support/bench-answers'
import { benchDatabase } from '../support/bench-database'
import { seedBenchSchools } from '../support/bench-seed'

const SCHOOLS = Number(process.env.BENCH_SCORING_SCHOOLS ?? 10_000)

const timed = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now()
  const out = await work()
  return [out, performance.now() - t]
}

type AnswerRow = { response_id: string; item_id: string; value: Answer | null }
type FactsRow = { response_id: string; discipline: Discipline; control: Control; carnegie_group: CarnegieGroup }

/**
 * A synthetic cycle of 10,000 schools answering every scored item: reading the answers back (the baseline) against
 * reading, scoring every response, building the norms and placing every school with the real domain functions, and
 * against the real scoring job (batches of short transactions that store each score).
 */
export const scoring: Scenario = {
  name: 'scoring',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { cycleId, schools } = await seedBenchSchools(bench.pool, SCHOOLS, { cycleStatus: 'closed', responseStatus: 'submitted', disciplines: DISCIPLINES })
      const instrument = await storedInstrument(bench.database.db, 'smm-2024')
      const [written, seedMs] = await timed(() => seedBenchAnswers(bench.pool, instrument, schools.map((s) => s.responseId)))
      await bench.pool.query('VACUUM ANALYZE answers')
      process.stderr.write(`  seeded ${written} answers in ${(seedMs / 1000).toFixed(1)} s\n`)
      const readAll = () => bench.pool.query<AnswerRow>(
        'SELECT a.response_id, a.item_id, a.value FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.cycle_id = $1', [cycleId],
      )
      await readAll() // warm the cache for both sides alike
      const [, readMs] = await timed(readAll)

      const [[{ rows }, { rows: facts }], readForScoringMs] = await timed(() => Promise.all([readAll(), bench.pool.query<FactsRow>(
        'SELECT r.id AS response_id, s.discipline, s.control, s.carnegie_group FROM responses r JOIN schools s ON s.id = r.school_id WHERE r.cycle_id = $1', [cycleId],
      )]))
      const [members, scoreOnlyMs] = await timed(() => {
        const byResponse = new Map<string, Map<string, Answer | null>>()
        for (const row of rows) {
          let answers = byResponse.get(row.response_id)
          if (!answers) byResponse.set(row.response_id, (answers = new Map()))
          answers.set(row.item_id, row.value)
        }
        return facts.map((f): NormsMember => {
          const score = scoreResponse(instrument, f.discipline, byResponse.get(f.response_id) ?? new Map())
          return { responseId: f.response_id, facts: { discipline: f.discipline, control: f.control, carnegieGroup: f.carnegie_group }, scores: { ...score.areas, ...score.domains, overall: score.overall } }
        })
      })
      const scoreMs = readForScoringMs + scoreOnlyMs
      const [, normsMs] = await timed(() => summarizeGroups(members, metricsOf(instrument)))
      const metrics = metricsOf(instrument)
      const [, placeMs] = await timed(() => placeEveryMemberOnEach(members, metrics, 'similar'))
      // The one-by-one placement a report view does, on a sample, projected to every school and metric.
      const sample = members.slice(0, 100)
      const [, sampleMs] = await timed(() => sample.map((m) => placeSchool(m, members, OVERALL, 'similar')))
      const oneByOneMs = (sampleMs / sample.length) * members.length * metrics.length

      const progressId = await startProgress(bench.database.db, BUILD_REPORTS_KIND, cycleId, SCHOOLS)
      const [, jobMs] = await timed(() => buildCycleReports(bench.database.db, { cycleId, progressId }))
      const pureMs = scoreMs + normsMs + placeMs
      const label = `${SCHOOLS.toLocaleString('en')} schools, ${written.toLocaleString('en')} answers`
      return [
        { scenario: 'scoring', measure: `baseline: read every answer (${label})`, value: readMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'read answers and school facts for scoring', value: readForScoringMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'score every response', value: scoreOnlyMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'build norms (every group × metric)', value: normsMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: `place every school on all ${metrics.length} metrics (similar group, at once)`, value: placeMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'for comparison: one school at a time with placeSchool (projected from 100)', value: oneByOneMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'ratio read+score+norms+place / read', value: pureMs / readMs, unit: '×', budget: { max: 2 } },
        { scenario: 'scoring', measure: 'real scoring job (batches of 50, stores every score, freezes norms)', value: jobMs / 1000, unit: 's' },
        { scenario: 'scoring', measure: 'ratio real job / read', value: jobMs / readMs, unit: '×' },
      ]
    } finally {
      await bench.drop()
    }
  },
}
