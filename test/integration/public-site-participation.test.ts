import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { insertCycle } from '../../src/db/queries/cycles'
import { responses } from '../../src/db/schema/responses'
import { cycleParticipations, type CycleStatus, type ParticipationStatus } from '../../src/db/schema/cycles'
import type { Discipline } from '../../src/domain/school/school-facts'
import { publicParticipation } from '../../src/services/public/participation'
import { testApp } from '../support/test-app'
import { seedSchool } from '../support/seed'
import { recordCertifiedSubmission } from '../support/certified-submission'

const { app, db } = await testApp()

/**
 * A cycle with schools of the given discipline in the given statuses, its participation published unless told
 * otherwise (publishing itself is tested in cycles-publication.test.ts); returns its title and the school names.
 */
async function seedCycle(status: CycleStatus, schools: [Discipline, ParticipationStatus][], published = true) {
  const title = `Round ${randomUUID().slice(0, 8)}`
  const cycle = await insertCycle(db, {
    title,
    instrumentVersion: 'smm-2024',
    disciplines: ['md', 'dental'],
    status,
    opensAt: new Date('2025-01-29T00:00:00Z'),
    deadlineAt: new Date('2025-10-09T00:00:00Z'),
    participationPublishedAt: published ? new Date('2025-11-01T00:00:00Z') : null,
  })
  const names: string[] = []
  for (const [discipline, participation] of schools) {
    const school = await seedSchool(db, { discipline, name: `Participant ${randomUUID().slice(0, 8)}` })
    names.push(school.name)
    const [row] = await db.insert(cycleParticipations).values({ cycleId: cycle.id, schoolId: school.id, status: participation, source: 'all-eligible' }).returning()
    if (participation === 'submitted') await recordCertifiedSubmission(db, row!.id)
  }
  return { id: cycle.id, title, names }
}

const repeat = <T,>(n: number, x: T): T[] => Array.from({ length: n }, () => x)

describe('participation in past rounds', () => {
  test('small counts read "fewer than 5", a count the total would give away is not shown, and no school is named', async () => {
    const { title, names } = await seedCycle('closed', [
      ...repeat(9, ['md', 'submitted'] as [Discipline, ParticipationStatus]),
      ['md', 'declined'],
      ...repeat(2, ['dental', 'submitted'] as [Discipline, ParticipationStatus]),
      ['dental', 'in_progress'],
      ...repeat(3, ['dental', 'declined'] as [Discipline, ParticipationStatus]),
    ])
    const res = await app.request('/participation')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(title)
    expect(html).toContain('fewer than 5')
    for (const name of names) expect(html).not.toContain(name)

    const cycle = (await publicParticipation(db)).find((c) => c.title === title)!
    const [md, dental] = cycle.byDiscipline.rows
    expect(md).toMatchObject({ group: 'md', invited: { kind: 'shown', value: 10 } })
    expect(dental!.completed).toEqual({ kind: 'fewer-than-k' })
    // Completed: md 9 and dental 2 with a shown total of 11 would give dental away, so md's 9 is withheld.
    expect(md!.completed).toEqual({ kind: 'withheld' })
    expect(cycle.byDiscipline.total.completed).toEqual({ kind: 'shown', value: 11 })
    // Taking part counts accepted, in progress and submitted: md 9 + dental 3 = 12.
    expect(cycle.byDiscipline.total.takingPart).toEqual({ kind: 'shown', value: 12 })
  })

  test('a round that is still open, or only drafted, is not shown even with a publication date; an unpublished closed one neither', async () => {
    const open = await seedCycle('open', repeat(6, ['md', 'submitted'] as [Discipline, ParticipationStatus]))
    const draft = await seedCycle('draft', repeat(6, ['md', 'invited'] as [Discipline, ParticipationStatus]))
    const unpublished = await seedCycle('closed', repeat(6, ['md', 'submitted'] as [Discipline, ParticipationStatus]), false)
    const html = await (await app.request('/participation')).text()
    expect(html).not.toContain(unpublished.title)
    expect(html).not.toContain(open.title)
    expect(html).not.toContain(draft.title)
  })

  test('scored and released rounds are published, by state as well', async () => {
    const released = await seedCycle('released', repeat(6, ['md', 'submitted'] as [Discipline, ParticipationStatus]))
    const cycle = (await publicParticipation(db)).find((c) => c.title === released.title)!
    expect(cycle.byState.rows).toEqual([
      { group: 'IL', invited: { kind: 'shown', value: 6 }, takingPart: { kind: 'shown', value: 6 }, completed: { kind: 'shown', value: 6 } },
    ])
  })

  test('completed means a certified response: not a school an admin once marked submitted, nor a paper entry without the dean’s signature', async () => {
    const { id, title } = await seedCycle('closed', repeat(6, ['md', 'submitted'] as [Discipline, ParticipationStatus]))
    const completed = async () => (await publicParticipation(db)).find((c) => c.title === title)!.byDiscipline.total.completed
    expect(await completed()).toEqual({ kind: 'shown', value: 6 })
    const ps = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, id))
    // The old "mark as submitted" shortcut left a submitted participation and no response at all.
    const shortcut = await seedSchool(db, { discipline: 'md', name: `Shortcut ${randomUUID().slice(0, 8)}` })
    await db.insert(cycleParticipations).values({ cycleId: id, schoolId: shortcut.id, status: 'submitted', source: 'all-eligible', submittedAt: new Date('2025-09-01T00:00:00Z') })
    // A paper entry counts only with the signature recorded; here one without it.
    await db.update(responses).set({ source: 'paper', paperSignedOn: null }).where(eq(responses.participationId, ps[0]!.id))
    expect(await completed()).toEqual({ kind: 'shown', value: 5 })
    expect((await publicParticipation(db)).find((c) => c.title === title)!.byDiscipline.total.takingPart).toEqual({ kind: 'shown', value: 7 })
    await db.update(responses).set({ paperSignedOn: '2025-09-30' }).where(eq(responses.participationId, ps[0]!.id))
    expect(await completed()).toEqual({ kind: 'shown', value: 6 })
  })
})
