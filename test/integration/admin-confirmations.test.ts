import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { mailMessages } from '../../src/db/schema/operations'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { draftPaCycle, openPaCycle } from '../support/admin-cycle-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

const { app, db, queue } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const get = async (path: string) => {
  const res = await app.request(path, { headers })
  return { status: res.status, html: await res.text() }
}
const mailCount = async () => (await db.select({ id: mailMessages.id }).from(mailMessages)).length

const draftCycle = () => draftPaCycle({ app, db }, headers)

describe('confirming actions that e-mail people or cannot be undone', () => {
  test('opening shows how many deans get the invitation and the invitation itself, and sends nothing until confirmed', async () => {
    const cycle = await draftCycle()
    const dashboard = await get(`/admin/cycles/${cycle.id}`)
    expect(dashboard.html).toContain(`href="/admin/cycles/${cycle.id}/open"`)

    const before = await mailCount()
    const { status, html } = await get(`/admin/cycles/${cycle.id}/open`)
    expect(status).toBe(200)
    expect(html).toMatch(/<strong>\d+<\/strong> deans get the invitation/)
    expect(html).toContain(`Invitation: ${cycle.title} for Confirm`) // the real template's subject
    expect(html).toContain('Accept or decline the invitation')
    expect(html).toMatch(/\d+ of these schools have no dean’s e-mail address/)
    expect(html).toContain(`action="/admin/cycles/${cycle.id}/advance"`)
    expect(html).toContain('name="to" value="open"')
    expect(await mailCount()).toBe(before)

    const opened = await app.request(`/admin/cycles/${cycle.id}/advance`, formPost({ to: 'open' }, headers))
    expect(opened.status).toBe(303)
    // Once open, the opening page no longer applies: it sends the officer back to the cycle.
    const again = await app.request(`/admin/cycles/${cycle.id}/open`, { headers })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(`/admin/cycles/${cycle.id}`)
  })

  test('closing says how many schools lose the chance to answer; reminders say who gets which message', async () => {
    const cycle = await openPaCycle({ app, db, queue }, headers)

    const close = await get(`/admin/cycles/${cycle.id}/confirm/close`)
    expect(close.html).toContain('0 schools have submitted')
    expect(close.html).toContain('A closed cycle cannot be opened again.')
    expect(close.html).toContain('Nobody is e-mailed.')
    expect(close.html).not.toContain('inside an extension')

    // A school whose deadline runs past the cycle's keeps answering after the close, and the page says so.
    const [first] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycle.id)).limit(1)
    const until = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10) // the cycle's deadline is in 10 days
    expect((await app.request(`/admin/cycles/${cycle.id}/schools/${first!.id}/extension`, formPost({ until }, headers))).status).toBe(303)
    const withExtension = (await get(`/admin/cycles/${cycle.id}/confirm/close`)).html
    expect(withExtension).toContain('1 school is inside an extension: closing does not stop them')

    const reminders = await get(`/admin/cycles/${cycle.id}/confirm/reminders`)
    expect(reminders.html).toMatch(/schools are due a reminder/)
    expect(reminders.html).toContain('deans who have not answered get their invitation again')
    expect(reminders.html).toContain(`Reminder: invitation: ${cycle.title}`)
    expect(reminders.html).toContain(`action="/admin/cycles/${cycle.id}/reminders"`)
  })

  test('declining on a school’s behalf asks how, keeps what was typed, and is recorded', async () => {
    const cycle = await draftCycle()
    await app.request(`/admin/cycles/${cycle.id}/advance`, formPost({ to: 'open' }, headers))
    const [p] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycle.id)).limit(1)
    const path = `/admin/cycles/${cycle.id}/schools/${p!.id}/decline`
    expect((await get(`/admin/cycles/${cycle.id}/schools/${p!.id}`)).html).toContain(`href="${path}"`)
    expect((await get(path)).html).toContain('This cannot be undone from the app.')

    const empty = await app.request(path, formPost({ reason: '   ' }, headers))
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Say how the school declined')

    const done = await app.request(path, formPost({ reason: 'The dean replied by e-mail' }, headers))
    expect(done.status).toBe(303)
    const [after] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.id, p!.id))
    expect(after!.status).toBe('declined')
    expect((await get('/admin/audit?what=cycle.')).html).toContain('declined the invitation on behalf of Confirm')
    expect((await get(path)).status).toBe(409)
  })

  test('releasing counts the leaders who will be e-mailed and previews their message', async () => {
    const instrument = await storedInstrument(db, 'smm-2024')
    const cycle = await seedScoringCycle(db, { status: 'closed' })
    const schools = []
    for (const level of [0.3, 0.6]) {
      const school = await seedScoringSchool(db, { discipline: 'md', name: `Release Test ${level}` })
      await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) })
      await seedMember(db, school.id, 'leader')
      schools.push(school)
    }
    await scoreCycleThroughAdmin(app, db, headers, cycle.id)
    const all = await get(`/admin/cycles/${cycle.id}/confirm/release`)
    expect(all.html).toContain('2 reports will be released')
    expect(all.html).toMatch(/<strong>2<\/strong> school leaders get/)
    expect(all.html).toContain('Your confidential report is ready: Scoring round')
    const one = await get(`/admin/cycles/${cycle.id}/confirm/release?schoolId=${schools[0]!.id}`)
    expect(one.html).toContain('Release the report of Release Test 0.3')
    expect(one.html).toContain(`name="schoolId" value="${schools[0]!.id}"`)
  })
})
