import { randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { users } from '../../src/db/schema/accounts'
import { teamInvitations } from '../../src/db/schema/team-invitations'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { schoolMemberships } from '../../src/db/schema/schools'
import { readMail } from '../../src/services/mail/mailbox'
import { formPost, testApp } from '../support/test-app'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { seedResponse } from '../support/seed-response'

const { app, db } = await testApp()
const DAY = 86_400_000

async function team() {
  const school = await seedSchool(db)
  const response = await seedResponse(db, school.id)
  const leader = await seedMember(db, school.id, 'leader')
  return { school, response, leader, path: `/school/responses/${response.id}/team` }
}
const roleOf = async (schoolId: string, userId: string) =>
  (await db.select().from(schoolMemberships).where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.userId, userId))))[0]?.role

describe('inviting colleagues', () => {
  test('a leader invites a coordinator by e-mail; the colleague follows the link, presses the button and lands signed in on the response', async () => {
    const { school, response, leader, path } = await team()
    const email = `Coordinator-${randomUUID().slice(0, 6)}@School.test`
    const sent = await app.request(`${path}/invite`, formPost({ email, name: 'Casey Coordinator', role: 'coordinator' }, await signedIn(db, leader)))
    expect(sent.status).toBe(303)

    const address = email.toLowerCase()
    const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))
    expect(mail!.kind).toBe('team-invitation')
    expect(mail!.subject).toContain(school.name)
    expect(mail!.textBody).toContain('expires in 14 days')
    const link = mail!.textBody.match(/http:\/\/localhost(\/team\/join\?token=[\w-]+)/)![1]!
    const token = new URL(`http://x${link}`).searchParams.get('token')!

    // Nothing happens before they accept: no account, no membership; the team page lists the invitation.
    expect(await db.select().from(users).where(eq(users.email, address))).toEqual([])
    const [invitation] = await db.select().from(teamInvitations).where(eq(teamInvitations.email, address))
    expect(invitation!.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * DAY)
    expect(invitation!.tokenHash).not.toContain(token)
    const listed = await (await app.request(path, { headers: await signedIn(db, leader) })).text()
    expect(listed).toContain('Invited, not yet joined')
    expect(listed).toContain(address)

    // Opening the link (as a mail scanner would) joins nobody and signs nobody in; the button does both.
    const opened = await app.request(link)
    expect(opened.status).toBe(200)
    expect(await opened.text()).toContain(`Join ${school.name}’s team`)
    expect(opened.headers.get('set-cookie') ?? '').not.toContain('smm_session=')
    const confirmed = await app.request('/team/join', formPost({ token }))
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toBe(`/school/responses/${response.id}`)
    const [user] = await db.select().from(users).where(eq(users.email, address))
    expect(user!.name).toBe('Casey Coordinator')
    expect(await roleOf(school.id, user!.id)).toBe('coordinator')
    const cookie = confirmed.headers.get('set-cookie')!.match(/smm_session=[^;]+/)![0]
    const page = await app.request(path, { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Casey Coordinator coordinates the answers')
    expect((await app.request(link)).status).toBe(410) // once only
    expect((await app.request('/team/join', formPost({ token }))).status).toBe(410)

    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'team.member-invited'), eq(auditEvents.subject, invitation!.id)))
    expect(audit!.details).toMatchObject({ email: address, role: 'coordinator' })
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'team.invitation-accepted'), eq(auditEvents.actorUserId, user!.id)))).toHaveLength(1)
  })

  test('inviting someone who already has an account tells the school nothing about them and adds them only when they accept', async () => {
    const elsewhere = await seedSchool(db)
    const known = await seedMember(db, elsewhere.id, 'leader')
    await db.update(users).set({ name: 'Private Person Name', lastSignInAt: new Date('2011-02-03T10:00:00Z') }).where(eq(users.id, known.id))
    const { school, leader, path } = await team()
    const headers = await signedIn(db, leader)
    expect((await app.request(`${path}/invite`, formPost({ email: known.email, name: 'Dr Typed', role: 'contributor' }, headers))).status).toBe(303)
    const html = await (await app.request(path, { headers })).text()
    expect(html).not.toContain('Private Person Name')
    expect(html).not.toContain('2011')
    expect(html).toContain('Dr Typed')
    expect(await roleOf(school.id, known.id)).toBeUndefined()

    const [mail] = await db.select().from(mailMessages).where(and(eq(mailMessages.toAddress, known.email), eq(mailMessages.kind, 'team-invitation')))
    const token = mail!.textBody.match(/\/team\/join\?token=([\w-]+)/)![1]!
    expect((await app.request('/team/join', formPost({ token }))).status).toBe(303)
    expect(await roleOf(school.id, known.id)).toBe('contributor')
    // Their own name stays theirs: the inviter's typing does not overwrite it.
    expect((await db.select().from(users).where(eq(users.id, known.id)))[0]!.name).toBe('Private Person Name')
  })

  test('an invitation withdrawn, or replaced by a newer one, no longer works', async () => {
    const { school, leader, path } = await team()
    const headers = await signedIn(db, leader)
    const email = `twice-${randomUUID().slice(0, 6)}@school.test`
    await app.request(`${path}/invite`, formPost({ email, role: 'contributor' }, headers))
    await app.request(`${path}/invite`, formPost({ email, role: 'coordinator' }, headers))
    const mails = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)).orderBy(mailMessages.createdAt)
    const tokens = mails.map((m) => m.textBody.match(/\/team\/join\?token=([\w-]+)/)![1]!)
    expect(tokens).toHaveLength(2)
    const first = await app.request(`/team/join?token=${tokens[0]}`)
    expect(first.status).toBe(410)
    expect(await first.text()).toContain('This invitation was withdrawn')

    const [open] = await db.select().from(teamInvitations).where(and(eq(teamInvitations.email, email), isNull(teamInvitations.cancelledAt)))
    const withdrawn = await app.request(`${path}/invitations/${open!.id}/cancel`, formPost({}, headers))
    expect(withdrawn.status).toBe(303)
    expect((await app.request('/team/join', formPost({ token: tokens[1]! }))).status).toBe(410)
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([])
    expect(await roleOf(school.id, leader.id)).toBe('leader')
    expect((await app.request(`/team/join?token=made-up`)).status).toBe(404)
  })

  test('the outbox withholds the invitation body from admins: it carries a personal link', async () => {
    const { leader, path } = await team()
    const email = `withheld-${randomUUID().slice(0, 6)}@school.test`
    await app.request(`${path}/invite`, formPost({ email, role: 'contributor' }, await signedIn(db, leader)))
    const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, email))
    const admin = await seedUser(db, { programRole: 'admin' })
    const actor = { kind: 'user' as const, userId: admin.id, email: admin.email, name: null, programRole: 'admin' as const, memberships: [] }
    expect((await readMail(db, actor, mail!.id)).textBody).toContain('withheld')
  })

  test('a bad address or someone already on the team comes back beside the field, with what was typed', async () => {
    const { school, leader, path } = await team()
    const headers = await signedIn(db, leader)
    const bad = await app.request(`${path}/invite`, formPost({ email: 'not-an-address', name: 'Pat', role: 'contributor' }, headers))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Enter an e-mail address, like name@school.edu.')
    expect(html).toContain('value="not-an-address"')

    const colleague = await seedMember(db, school.id, 'contributor')
    const twice = await app.request(`${path}/invite`, formPost({ email: colleague.email, role: 'coordinator' }, headers))
    expect(twice.status).toBe(422)
    expect(await twice.text()).toContain('is already on the team')
    expect(await roleOf(school.id, colleague.id)).toBe('contributor')
  })
})

describe('roles', () => {
  test('a leader names an existing colleague primary respondent', async () => {
    const { school, leader, path } = await team()
    const colleague = await seedMember(db, school.id, 'contributor')
    const res = await app.request(`${path}/coordinator`, formPost({ userId: colleague.id }, await signedIn(db, leader)))
    expect(res.status).toBe(303)
    expect(await roleOf(school.id, colleague.id)).toBe('coordinator')
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'team.role-changed'), eq(auditEvents.subject, colleague.id)))
    expect(audit!.details).toMatchObject({ from: 'contributor', to: 'coordinator' })
  })

  test('a coordinator cannot make anyone a leader, by role change or by invitation', async () => {
    const { school, path } = await team()
    const coordinator = await seedMember(db, school.id, 'coordinator')
    const colleague = await seedMember(db, school.id, 'contributor')
    const headers = await signedIn(db, coordinator)
    const promote = await app.request(`${path}/members/${colleague.id}/role`, formPost({ role: 'leader' }, headers))
    expect(promote.status).toBe(422)
    expect(await promote.text()).toContain('You cannot make anyone a leader.')
    expect(await roleOf(school.id, colleague.id)).toBe('contributor')
    const invite = await app.request(`${path}/invite`, formPost({ email: `x-${randomUUID().slice(0, 6)}@school.test`, role: 'leader' }, headers))
    expect(invite.status).toBe(422)
    // …but may hand out the coordinator role.
    expect((await app.request(`${path}/members/${colleague.id}/role`, formPost({ role: 'coordinator' }, headers))).status).toBe(303)
  })

  test('the last leader cannot be removed or step down; with a second leader, they can', async () => {
    const { school, leader, path } = await team()
    const headers = await signedIn(db, leader)
    const remove = await app.request(`${path}/members/${leader.id}/remove`, formPost({}, headers))
    expect(remove.status).toBe(422)
    expect(await remove.text()).toContain('last leader cannot be removed')
    expect((await app.request(`${path}/members/${leader.id}/role`, formPost({ role: 'contributor' }, headers))).status).toBe(422)
    expect(await roleOf(school.id, leader.id)).toBe('leader')

    const second = await seedMember(db, school.id, 'leader')
    expect((await app.request(`${path}/members/${second.id}/remove`, formPost({}, headers))).status).toBe(303)
    expect(await roleOf(school.id, second.id)).toBeUndefined()
  })
})

describe('who sees the team page', () => {
  test('a contributor sees the team read-only and cannot change it; someone from another school cannot see it', async () => {
    const { school, leader, path } = await team()
    const contributor = await seedMember(db, school.id, 'contributor')
    const headers = await signedIn(db, contributor)
    const page = await app.request(path, { headers })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(leader.email)
    expect(html).not.toContain('Send the invitation')
    expect(html).not.toContain('type="checkbox"')
    expect((await app.request(`${path}/invite`, formPost({ email: `c-${randomUUID().slice(0, 6)}@school.test`, role: 'contributor' }, headers))).status).toBe(403)
    expect((await app.request(`${path}/members/${leader.id}/remove`, formPost({}, headers))).status).toBe(403)

    const outsider = await seedMember(db, (await seedSchool(db)).id, 'leader')
    // Outside the school, the team looks exactly like a response that does not exist.
    const theirs = await signedIn(db, outsider)
    const madeUp = `/school/responses/${randomUUID()}/team`
    for (const [asked, made] of [[path, madeUp], [`${path}/invite`, `${madeUp}/invite`]] as const) {
      const real = asked.endsWith('/invite') ? await app.request(asked, formPost({ email: 'x@school.test', role: 'contributor' }, theirs)) : await app.request(asked, { headers: theirs })
      const fake = made.endsWith('/invite') ? await app.request(made, formPost({ email: 'x@school.test', role: 'contributor' }, theirs)) : await app.request(made, { headers: theirs })
      expect(real.status).toBe(404)
      expect(fake.status).toBe(404)
    }
    expect((await app.request(path)).status).toBe(303) // not signed in: off to sign in
    expect((await app.request('/school/responses/not-a-uuid/team', { headers })).status).toBe(404)
  })

  test('/school/team leads a leader to the response of their school in its open cycle', async () => {
    const { leader, response } = await team()
    const res = await app.request('/school/team', { headers: await signedIn(db, leader) })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/school/responses/${response.id}/team`)
  })
})
