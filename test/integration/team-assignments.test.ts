import { describe, expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { assignedAreaIds } from '../../src/db/queries/area-assignments'
import { auditEvents } from '../../src/db/schema/operations'
import { formPost, testApp } from '../support/test-app'
import { seedMember, seedSchool, signedIn } from '../support/seed'
import { seedResponse } from '../support/seed-response'

const { app, db } = await testApp()

async function team() {
  const school = await seedSchool(db)
  const response = await seedResponse(db, school.id)
  const leader = await seedMember(db, school.id, 'leader')
  const contributor = await seedMember(db, school.id, 'contributor')
  return { school, response, leader, contributor, path: `/school/responses/${response.id}/team`, headers: await signedIn(db, leader) }
}
const assignments = (pairs: string[]) => {
  const body = new URLSearchParams()
  for (const p of pairs) body.append('assign', p)
  return body
}

describe('who answers which area', () => {
  test('a leader ticks areas for people; the ticks are saved, shown again and can be taken away', async () => {
    const { response, leader, contributor, path, headers } = await team()
    const body = assignments([`service-learning|${contributor.id}`, `recognition|${contributor.id}`, `recognition|${leader.id}`])
    const saved = await app.request(`${path}/assignments`, { ...formPost({}, headers), body })
    expect(saved.status).toBe(303)
    expect(await assignedAreaIds(db, response.id, contributor.id)).toEqual(['recognition', 'service-learning'])
    expect(await assignedAreaIds(db, response.id, leader.id)).toEqual(['recognition'])
    const html = await (await app.request(path, { headers })).text()
    expect(html).toMatch(new RegExp(`value="service-learning\\|${contributor.id}" checked`))
    expect(html).not.toMatch(new RegExp(`value="service-learning\\|${leader.id}" checked`))

    // The whole table is what was ticked: unticking removes.
    await app.request(`${path}/assignments`, { ...formPost({}, headers), body: assignments([`recognition|${leader.id}`]) })
    expect(await assignedAreaIds(db, response.id, contributor.id)).toEqual([])
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'team.assignments-saved'), eq(auditEvents.subject, response.id)))
    expect(audits).toHaveLength(2)
  })

  test('assigning a whole domain gives the person each of its areas, keeping other assignments', async () => {
    const { response, contributor, path, headers } = await team()
    await app.request(`${path}/assignments`, { ...formPost({}, headers), body: assignments([`recognition|${contributor.id}`]) })
    const res = await app.request(`${path}/assignments/domain`, formPost({ domainId: 'governance', userId: contributor.id }, headers))
    expect(res.status).toBe(303)
    expect(await assignedAreaIds(db, response.id, contributor.id)).toEqual(['accountability', 'mission-strategy', 'recognition'])
  })

  test('an area the questionnaire lacks, or a person not on the team, is refused and nothing changes', async () => {
    const { response, contributor, path, headers } = await team()
    const stranger = await seedMember(db, (await seedSchool(db)).id, 'contributor')
    const unknownArea = await app.request(`${path}/assignments`, { ...formPost({}, headers), body: assignments([`made-up-area|${contributor.id}`]) })
    expect(unknownArea.status).toBe(422)
    expect(await unknownArea.text()).toContain('There is no area “made-up-area” in this questionnaire.')
    const notOnTeam = await app.request(`${path}/assignments/domain`, formPost({ domainId: 'people', userId: stranger.id }, headers))
    expect(notOnTeam.status).toBe(422)
    expect(await assignedAreaIds(db, response.id, stranger.id)).toEqual([])
    const garbage = await app.request(`${path}/assignments`, { ...formPost({}, headers), body: assignments(['<script>']) })
    expect(garbage.status).toBe(422)
  })

  test('removing someone from the team removes their assignments too', async () => {
    const { response, contributor, path, headers } = await team()
    await app.request(`${path}/assignments/domain`, formPost({ domainId: 'community', userId: contributor.id }, headers))
    expect(await assignedAreaIds(db, response.id, contributor.id)).toHaveLength(3)
    expect((await app.request(`${path}/members/${contributor.id}/remove`, formPost({}, headers))).status).toBe(303)
    expect(await assignedAreaIds(db, response.id, contributor.id)).toEqual([])
  })

  test('a contributor sees their ticks as text and cannot save assignments', async () => {
    const { response, contributor, path, headers } = await team()
    await app.request(`${path}/assignments`, { ...formPost({}, headers), body: assignments([`advocacy|${contributor.id}`]) })
    const mine = await signedIn(db, contributor)
    const html = await (await app.request(path, { headers: mine })).text()
    expect(html).toContain('✓<span class="visually-hidden"> assigned</span>')
    const res = await app.request(`${path}/assignments`, { ...formPost({}, mine), body: assignments([`recognition|${contributor.id}`]) })
    expect(res.status).toBe(403)
    expect(await assignedAreaIds(db, response.id, contributor.id)).toEqual(['advocacy'])
  })
})
