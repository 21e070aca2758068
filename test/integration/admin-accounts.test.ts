import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { sessions, users } from '../../src/db/schema/accounts'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin', name: 'Ada Admin' })
const asAdmin = await signedIn(db, admin)
const auditsAbout = async (email: string) => (await db.select().from(auditEvents).where(eq(auditEvents.subject, email))).map((e) => e.action)

describe('accounts, for the program team', () => {
  test('an account page shows roles, schools, last sign-in and devices; the list links to it', async () => {
    const school = await seedSchool(db)
    const dean = await seedMember(db, school.id, 'leader')
    await signedIn(db, dean)
    const list = await (await app.request(`/admin/accounts?q=${encodeURIComponent(dean.email)}`, { headers: asAdmin })).text()
    expect(list).toContain(`href="/admin/accounts/${dean.id}"`)
    const page = await app.request(`/admin/accounts/${dean.id}`, { headers: asAdmin })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`${school.name} (Leader)`)
    expect(html).toContain('1 device')
  })

  test('granting and removing the analyst role; a bad role comes back with a message', async () => {
    const person = await seedUser(db)
    expect((await app.request(`/admin/accounts/${person.id}/role`, formPost({ role: 'analyst' }, asAdmin))).status).toBe(303)
    expect((await db.select().from(users).where(eq(users.id, person.id)))[0]!.programRole).toBe('analyst')
    expect((await app.request(`/admin/accounts/${person.id}/role`, formPost({ role: 'none' }, asAdmin))).status).toBe(303)
    expect((await db.select().from(users).where(eq(users.id, person.id)))[0]!.programRole).toBeNull()
    const bad = await app.request(`/admin/accounts/${person.id}/role`, formPost({ role: 'owner' }, asAdmin))
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Choose a role.')
    expect(await auditsAbout(person.email)).toEqual(expect.arrayContaining(['account.program-role-granted', 'account.program-role-removed']))
  })

  test('signing out everywhere ends every session; disabling also does, and keeps them out until enabled', async () => {
    const person = await seedUser(db)
    const laptop = await signedIn(db, person)
    await signedIn(db, person)
    expect((await app.request('/school', { headers: laptop })).status).toBe(200)
    expect((await app.request(`/admin/accounts/${person.id}/sign-out-everywhere`, formPost({}, asAdmin))).status).toBe(303)
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toEqual([])
    expect((await app.request('/school', { headers: laptop })).status).toBe(303) // to sign in

    const phone = await signedIn(db, person)
    const short = await app.request(`/admin/accounts/${person.id}/disable`, formPost({ reason: 'left' }, asAdmin))
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('value="left"')
    expect((await app.request(`/admin/accounts/${person.id}/disable`, formPost({ reason: 'Left the school in June' }, asAdmin))).status).toBe(303)
    expect((await app.request('/school', { headers: phone })).status).toBe(303)
    await app.request('/sign-in', formPost({ email: person.email }))
    expect(await db.select().from(mailMessages).where(eq(mailMessages.toAddress, person.email))).toEqual([])
    expect((await app.request(`/admin/accounts/${person.id}/enable`, formPost({}, asAdmin))).status).toBe(303)
    expect((await db.select().from(users).where(eq(users.id, person.id)))[0]!.disabledAt).toBeNull()
    expect(await auditsAbout(person.email)).toEqual(expect.arrayContaining(['account.signed-out-everywhere', 'account.disabled', 'account.enabled']))
  })

  test('the program keeps an admin: nobody demotes or disables themselves', async () => {
    const own = await app.request(`/admin/accounts/${admin.id}/role`, formPost({ role: 'analyst' }, asAdmin))
    expect(own.status).toBe(422)
    expect(await own.text()).toContain('You cannot remove your own admin role')
    expect((await app.request(`/admin/accounts/${admin.id}/disable`, formPost({ reason: 'Testing a lockout' }, asAdmin))).status).toBe(422)
    expect((await db.select().from(users).where(eq(users.id, admin.id)))[0]!.programRole).toBe('admin')
  })

  test('only admins reach accounts: an analyst and a dean are refused, and an unknown id is not found', async () => {
    const analyst = await seedUser(db, { programRole: 'analyst' })
    const dean = await seedMember(db, (await seedSchool(db)).id, 'leader')
    for (const who of [analyst, dean]) {
      const headers = await signedIn(db, who)
      expect((await app.request(`/admin/accounts/${admin.id}`, { headers })).status).toBe(403)
      expect((await app.request(`/admin/accounts/${admin.id}/role`, formPost({ role: 'none' }, headers))).status).toBe(403)
    }
    expect((await app.request('/admin/accounts/00000000-0000-4000-8000-000000000000', { headers: asAdmin })).status).toBe(404)
    expect((await app.request('/admin/accounts/not-an-id', { headers: asAdmin })).status).toBe(404)
  })
})
