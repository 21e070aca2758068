import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import type { Db } from '../../src/db/client'
import { insertSchools } from '../../src/db/queries/schools'
import { responses } from '../../src/db/schema/responses'
import type { CycleStatus } from '../../src/domain/cycle/cycle-states'
import type { Instrument } from '../../src/domain/instrument/instrument-model'
import type { CarnegieGroup, Control, Discipline } from '../../src/domain/school/school-facts'
import type { App } from '../../src/web/app'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedSubmittedResponse } from './scoring-seed'
import { seedUser, signedIn } from './seed'
import { testApp } from './test-app'

// Research exports need certified responses from schools whose facts (discipline, control, Carnegie group, state)
// differ, and each school's name and unit id known, so tests can look for them in what analysts receive.

export type ResearchSchoolSpec = { discipline: Discipline; control?: Control; carnegieGroup?: CarnegieGroup; state?: string; level?: number }
export type SeededResearchSchool = { id: string; name: string; ipedsUnitId: number; state: string; responseId: string; spec: ResearchSchoolSpec }

let unitIds = 900_000 + Math.floor(Math.random() * 50_000)

/**
 * A live cycle with one certified response per spec (answers at the spec's level, 0–1), scored by the real job
 * when `scored` (the cycle must then be closed first), otherwise left at `status`.
 */
export async function seedResearchCycle(
  app: App,
  db: Db,
  adminHeaders: Record<string, string>,
  instrument: Instrument,
  specs: readonly ResearchSchoolSpec[],
  options: { status?: CycleStatus; title?: string; certify?: boolean } = {},
) {
  const status = options.status ?? 'scored'
  const cycle = await seedScoringCycle(db, { status: status === 'scored' ? 'closed' : status, title: options.title ?? `Research round ${randomUUID().slice(0, 8)}`, disciplines: [...new Set(specs.map((s) => s.discipline))] })
  const seeded: SeededResearchSchool[] = []
  for (const spec of specs) {
    const tag = randomUUID().slice(0, 6)
    const facts = { name: `Zebrafinch College of ${spec.discipline} ${tag}`, state: spec.state ?? 'IL', ipedsUnitId: unitIds++ }
    const [school] = await insertSchools(db, [{
      ...facts, city: 'Springfield', discipline: spec.discipline, control: spec.control ?? 'public', carnegieGroup: spec.carnegieGroup ?? 'r1',
    }])
    const response = await seedSubmittedResponse(db, { schoolId: school!.id, cycleId: cycle.id, answers: answersAtLevel(instrument, spec.level ?? 0.5) })
    seeded.push({ id: school!.id, ...facts, responseId: response.id, spec })
  }
  if (options.certify !== false && seeded.length > 0) {
    await db.update(responses).set({ certifiedByName: 'Dean Certifier' }).where(inArray(responses.id, seeded.map((s) => s.responseId)))
  }
  if (status === 'scored') await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
  return { cycleId: cycle.id, schools: seeded }
}

/** Marks a response as not certified (e.g. submitted by an import), so exports leave it out. */
export async function uncertify(db: Db, responseId: string) {
  await db.update(responses).set({ certifiedByName: null }).where(eq(responses.id, responseId))
}

/** The app on a fresh database with the shipped instruments, a signed-in admin and a signed-in analyst. */
export async function researchTestApp() {
  const { app, db } = await testApp()
  await importInstrumentDirectory(db, { kind: 'system', label: 'test' })
  const instrument = await storedInstrument(db, 'smm-2024')
  const admin = await seedUser(db, { programRole: 'admin' })
  const analyst = await seedUser(db, { programRole: 'analyst' })
  return { app, db, instrument, admin, adminHeaders: await signedIn(db, admin), analyst, analystHeaders: await signedIn(db, analyst) }
}
