import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { mailMessages } from '../../src/db/schema/operations'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { openPaCycle } from '../support/admin-cycle-seed'
import { seedUser, signedIn } from '../support/seed'
import { TEST_ORIGIN, testApp } from '../support/test-app'

const { app, db, queue } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const admin = await seedUser(db, { programRole: 'admin', name: 'Bulk Officer' })
const headers = await signedIn(db, admin)
const post = (path: string, fields: [string, string][]) =>
  app.request(path, { method: 'POST', headers: { ...headers, Origin: TEST_ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })
const inCycle = (cycleId: string) => db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
const mailTo = async (to: string) => (await db.select().from(mailMessages).where(eq(mailMessages.toAddress, to))).length

describe('bulk actions on the cycle’s school list', () => {
  test('the list has a tick box per school and the actions; nothing happens before the confirmation', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)
    const html = await (await app.request(`/admin/cycles/${cycle.id}`, { headers })).text()
    expect(html).toContain(`action="/admin/cycles/${cycle.id}/bulk"`)
    expect(html).toMatch(/<input type="checkbox" name="pid" value="[0-9a-f-]+" form="bulk-form" aria-label="Select Confirm /)

    const rows = await inCycle(cycle.id)
    const addressed = rows.filter((r) => r.inviteeEmail)
    const before = await mailTo(addressed[0]!.inviteeEmail!)
    const confirm = await post(`/admin/cycles/${cycle.id}/bulk`, [['action', 'remind'], ['until', ''], ...rows.map((r) => ['pid', r.id] as [string, string])])
    expect(confirm.status).toBe(200)
    const page = await confirm.text()
    expect(page).toContain(`You ticked ${rows.length} schools; this applies to ${addressed.length}.`)
    expect(page).toContain(': no addressee')
    expect(page).toContain('Reminder: invitation:')
    expect(await mailTo(addressed[0]!.inviteeEmail!)).toBe(before)

    const applied = await post(`/admin/cycles/${cycle.id}/bulk/apply`, [['action', 'remind'], ['until', ''], ...addressed.map((r) => ['pid', r.id] as [string, string])])
    expect(applied.status).toBe(303)
    expect(await mailTo(addressed[0]!.inviteeEmail!)).toBe(before + 1)
    const audit = await (await app.request('/admin/audit?who=bulk', { headers })).text()
    expect(audit).toContain(`Bulk Officer sent a reminder to ${addressed.length} schools of the cycle “${cycle.title}” at once.`)
  })

  test('extending asks for a date on the confirmation page, keeps the ticks, and extends every school', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)
    const rows = await inCycle(cycle.id)
    const ticks = rows.map((r) => ['pid', r.id] as [string, string])
    const bad = await post(`/admin/cycles/${cycle.id}/bulk/apply`, [['action', 'extend'], ['until', 'next week'], ...ticks])
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('Enter the new deadline as a date, like 2027-01-15.')
    expect(badHtml.match(/name="pid"/g)).toHaveLength(rows.length)

    const until = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)
    expect((await post(`/admin/cycles/${cycle.id}/bulk/apply`, [['action', 'extend'], ['until', until], ...ticks])).status).toBe(303)
    for (const r of await inCycle(cycle.id)) expect(r.deadlineOverrideAt?.toISOString().slice(0, 10)).toBe(until)
  })

  test('nothing ticked is explained, not an error page', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)
    const res = await post(`/admin/cycles/${cycle.id}/bulk`, [['action', 'resend'], ['until', '']])
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Tick at least one school in the list first.')
  })
})
