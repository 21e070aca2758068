import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { schools } from '../../src/db/schema/schools'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { openPaCycle } from '../support/admin-cycle-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

const { app, db, queue } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const admin = await seedUser(db, { programRole: 'admin', name: 'Olivia Officer' })
const headers = await signedIn(db, admin)
const text = async (path: string, h = headers) => {
  const res = await app.request(path, { headers: h })
  return { status: res.status, html: await res.text() }
}

describe('a school’s timeline', () => {
  test('tells the story from the invitation on, linked from the cycle’s school list', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)
    const rows = await db.select({ id: cycleParticipations.id, email: cycleParticipations.inviteeEmail, name: schools.name })
      .from(cycleParticipations).innerJoin(schools, eq(schools.id, cycleParticipations.schoolId)).where(eq(cycleParticipations.cycleId, cycle.id))
    const p = rows.find((r) => r.email)!
    const path = `/admin/cycles/${cycle.id}/schools/${p.id}/timeline`
    expect((await text(`/admin/cycles/${cycle.id}`)).html).toContain(`href="${path}"`)

    await app.request(`/admin/cycles/${cycle.id}/schools/${p.id}/resend`, formPost({}, headers))
    await app.request(`/admin/cycles/${cycle.id}/schools/${p.id}/extension`, formPost({ until: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }, headers))

    const { status, html } = await text(path)
    expect(status).toBe(200)
    expect(html).toContain(`Timeline: ${p.name}`)
    const invitation = html.indexOf(`Invitation to ${p.email}`)
    const resent = html.indexOf(`Olivia Officer sent the invitation of ${p.name} again.`)
    const extended = html.indexOf(`Olivia Officer extended the deadline of ${p.name}.`)
    expect(invitation).toBeGreaterThan(-1)
    expect(resent).toBeGreaterThan(invitation) // oldest first
    expect(extended).toBeGreaterThan(resent)
    expect(html).toContain('Answers</dt><dd>none yet')
  })

  test('is the program team’s: a dean of the school cannot open it, and another cycle’s address is not found', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)
    const [p] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycle.id)).limit(1)
    const dean = await seedMember(db, p!.schoolId, 'leader')
    expect((await text(`/admin/cycles/${cycle.id}/schools/${p!.id}/timeline`, await signedIn(db, dean))).status).toBe(403)
    const other = await openPaCycle({ app, db, queue }, headers)
    expect((await text(`/admin/cycles/${other.id}/schools/${p!.id}/timeline`)).status).toBe(404)
  })
})
