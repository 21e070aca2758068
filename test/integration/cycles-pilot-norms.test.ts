import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycles } from '../../src/db/schema/cycles'
import { normsSnapshots } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

/** A closed cycle of five MD schools, scored by the real job; `pilot` marks it a pilot round. */
async function scoredCycle(pilot: boolean) {
  const cycle = await seedScoringCycle(db, { status: 'closed', disciplines: ['md'] })
  await db.update(cycles).set({ pilot }).where(eq(cycles.id, cycle.id))
  const responseIds: string[] = []
  for (const level of [0.2, 0.4, 0.6, 0.8, 1]) {
    const school = await seedScoringSchool(db, { discipline: 'md' })
    responseIds.push((await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) })).id)
  }
  await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
  const [snapshot] = await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle.id))
  return { cycle, responseIds, members: snapshot!.members.map((m) => m.responseId) }
}

const pilot = await scoredCycle(true)
const real = await scoredCycle(false)

describe('a pilot round and the norms', () => {
  test('a pilot’s schools are scored against the pilot’s own norms, and no other cycle’s norms hold a pilot response', async () => {
    expect(pilot.members.sort()).toEqual(pilot.responseIds.sort())
    expect(real.members.sort()).toEqual(real.responseIds.sort())
    const others = await db.select().from(normsSnapshots)
    for (const snapshot of others.filter((s) => s.cycleId !== pilot.cycle.id)) {
      for (const m of snapshot.members) expect(pilot.responseIds).not.toContain(m.responseId)
    }
  })

  test('a pilot report says it is compared only with the pilot’s schools; a real round’s report does not', async () => {
    const pilotReport = await (await app.request(`/school/reports/${pilot.responseIds[0]}`, { headers: adminHeaders })).text()
    expect(pilotReport).toContain('pilot round: compared only with the schools of this pilot')
    const realReport = await (await app.request(`/school/reports/${real.responseIds[0]}`, { headers: adminHeaders })).text()
    expect(realReport).not.toContain('pilot round')
  })
})
