import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { auditEvents } from '../../src/db/schema/operations'
import { seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'
import { seedWorkspace } from '../support/workspace-seed'

// Promise: every look at a school's team, answers or history by someone outside the school's team is on record;
// the school's own people working on their response are not.
const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const asAdmin = await signedIn(db, admin)

const viewsBy = (userId: string, schoolId: string) =>
  db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.schoolId, schoolId)))

describe('looking at a school from outside it', () => {
  test('the program team opening the team, the response and its history, and the timeline each leaves a row', async () => {
    const w = await seedWorkspace(db)
    const base = `/school/responses/${w.responseId}`
    const [p] = await db.select({ id: cycleParticipations.id, cycleId: cycleParticipations.cycleId }).from(cycleParticipations).where(eq(cycleParticipations.id, w.participation.id))
    for (const path of [`${base}/team`, base, `${base}/history`, `/admin/cycles/${p!.cycleId}/schools/${p!.id}/timeline`]) {
      expect((await app.request(path, { headers: asAdmin })).status).toBe(200)
    }
    const rows = await viewsBy(admin.id, w.school.id)
    expect(rows.map((r) => r.action).sort()).toEqual(['response.viewed', 'response.viewed', 'school.timeline-viewed', 'team.viewed'])
    expect(rows.filter((r) => r.action === 'response.viewed').map((r) => r.details['what']).sort()).toEqual(['history', 'overview'])
  })

  test('the school’s own leader opening the same pages leaves none', async () => {
    const w = await seedWorkspace(db)
    const base = `/school/responses/${w.responseId}`
    const leader = await signedIn(db, w.leader)
    for (const path of [`${base}/team`, base, `${base}/history`]) expect((await app.request(path, { headers: leader })).status).toBe(200)
    expect((await viewsBy(w.leader.id, w.school.id)).filter((r) => r.action.endsWith('viewed'))).toEqual([])
  })
})
