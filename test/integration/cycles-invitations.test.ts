import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { schoolMemberships } from '../../src/db/schema/schools'
import { insertSchools } from '../../src/db/queries/schools'
import { chooseInvited } from '../../src/domain/cycle/sampling'
import type { Discipline } from '../../src/domain/school/school-facts'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { recordCertifiedSubmission } from '../support/certified-submission'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn, importShippedInstruments } from '../support/seed'

const { app, db, queue } = await testApp()
await importShippedInstruments(db)
const peer = await startSmtpPeer()
afterAll(() => peer.close())
await startWorkers(queue, { db, transport: createMailTransport(peer.url), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
await queue.boss.offWork(JOB_NAMES.cycleCalendar) // reminders are driven by hand below

const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

async function seedSchools(discipline: Discipline, count: number) {
  const tag = randomUUID().slice(0, 6)
  return insertSchools(db, Array.from({ length: count }, (_, i) => ({
    name: `Cycle Test ${tag} School ${i}`, city: 'Springfield', state: i % 2 ? 'IL' : 'MO', discipline, control: 'public' as const,
    carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail: `dean-${i}-${tag}@school.test`,
  })))
}

const cycleForm = (fields: Record<string, string>, disciplines: string[]) => {
  const body = new URLSearchParams({
    title: 'Test round', instrumentVersion: 'smm-2024', sampleSeed: '',
    opensOn: isoDay(new Date()), deadlineOn: isoDay(new Date(Date.now() + 10 * DAY)), reminderDays: '30, 14, 7, 1', ...fields,
  })
  for (const d of disciplines) body.append('disciplines', d)
  return { ...formPost({}, headers), body }
}
const linkIn = (text: string) => text.match(/http:\/\/localhost(\/invitation\?token=[\w-]+)/)![1]!

describe('setting up a cycle', () => {
  test('a deadline before opening, an unknown discipline and a sample larger than the pool are refused on their fields', async () => {
    await seedSchools('do', 2)
    const res = await app.request('/admin/cycles/new', cycleForm({ opensOn: '2026-09-10', deadlineOn: '2026-09-01' }, ['md', 'vet']))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('The deadline must come after the opening date.')
    expect(html).toContain('Unknown discipline: vet.')
    expect(html).toContain('value="2026-09-10"') // what was typed comes back

    const tooMany = await app.request('/admin/cycles/new', cycleForm({ 'sample-do': '100000' }, ['do']))
    expect(tooMany.status).toBe(422)
    expect(await tooMany.text()).toMatch(/The sample of 100000 is larger than the \d+ eligible Osteopathic medicine \(DO\) schools/)
  })

  test('a cycle cannot skip a state: a draft cannot be closed', async () => {
    const res = await app.request('/admin/cycles/new', cycleForm({}, ['do']))
    const id = res.headers.get('location')!.split('/').pop()!
    const skip = await app.request(`/admin/cycles/${id}/advance`, formPost({ to: 'closed' }, headers))
    expect(skip.status).toBe(409)
    expect((await db.select().from(cycles).where(eq(cycles.id, id)))[0]!.status).toBe('draft')
  })
})

describe('a sampled round from opening to reminders', () => {
  test('only sampled schools are invited by e-mail; a dean accepts; reminders skip submitted schools; the counts add up', async () => {
    const pool = await seedSchools('pa', 6)
    const created = await app.request('/admin/cycles/new', cycleForm({ title: 'PA sample round', 'sample-pa': '4', sampleSeed: '2019' }, ['pa']))
    expect(created.status).toBe(303)
    const cycleId = created.headers.get('location')!.split('/').pop()!

    const opened = await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    expect(opened.status).toBe(303)

    // The sample is the one the recorded seed draws, from every eligible PA school in the directory.
    const invited = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    expect(invited).toHaveLength(4)
    const sampledIds = invited.map((p) => p.schoolId).sort()
    const mine = pool.filter((s) => sampledIds.includes(s.id))
    const others = pool.filter((s) => !sampledIds.includes(s.id))
    expect(mine.length + others.length).toBe(6)

    // Every sampled school's dean receives a personal link through SMTP; the others receive nothing.
    const deans = invited.map((p) => p.inviteeEmail!)
    const mails = await Promise.all(deans.map((to) => peer.waitFor(to)))
    expect(mails[0]!.subject).toMatch(/^Invitation: PA sample round for Cycle Test/)
    for (const s of others) expect(peer.received.some((m) => m.text?.includes(s.name))).toBe(false)

    // A mail scanner opening the link decides nothing; the dean's button press accepts and signs in.
    const [first, second, third] = invited
    const linkOf = (p: typeof first) => linkIn(mails[deans.indexOf(p!.inviteeEmail!)]!.text!)
    const page = await app.request(linkOf(first))
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Accept for Cycle Test')
    const accepted = await app.request('/invitation/accept', formPost({ token: new URL(`http://x${linkOf(first)}`).searchParams.get('token')! }))
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('set-cookie')).toContain('smm_session=')
    const cookie = accepted.headers.get('set-cookie')!.match(/smm_session=[^;]+/)![0]
    expect(await (await app.request('/', { headers: { Cookie: cookie } })).text()).toContain(first!.inviteeEmail!)
    const [membership] = await db.select().from(schoolMemberships).where(eq(schoolMemberships.schoolId, first!.schoolId))
    expect(membership!.role).toBe('leader')
    // The link works once.
    expect((await app.request(linkOf(first))).status).toBe(410)

    // A second school declines; a third accepts and submits.
    const tokenOf = (p: typeof first) => new URL(`http://x${linkOf(p)}`).searchParams.get('token')!
    expect((await app.request('/invitation/decline', formPost({ token: tokenOf(second) }))).status).toBe(200)
    await app.request('/invitation/accept', formPost({ token: tokenOf(third) }))
    await recordCertifiedSubmission(db, third!.id)

    // Ten days before the deadline the 14-day reminder is due: it goes to the accepted school and the one that
    // has not answered, never to the one that declined or the one that submitted; pressing again sends nothing.
    const before = peer.received.length
    const remind = await app.request(`/admin/cycles/${cycleId}/reminders`, formPost({}, headers))
    expect(remind.status).toBe(303)
    const fourth = invited[3]!
    await peer.waitFor(`${first!.inviteeEmail}`) // already there; wait for the new ones below
    await expect.poll(() => peer.received.length - before, { timeout: 15_000 }).toBe(2)
    const reminded = peer.received.slice(before).map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.text)
    expect(reminded.sort()).toEqual([first!.inviteeEmail!, fourth.inviteeEmail!].sort())
    expect(peer.received.slice(before).map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^Reminder: invitation: PA sample round/),
      'Reminder: PA sample round closes in 14 days',
    ].sort())
    await app.request(`/admin/cycles/${cycleId}/reminders`, formPost({}, headers))
    await new Promise((r) => setTimeout(r, 1500))
    expect(peer.received.length - before).toBe(2)

    // The dashboard counts what happened; the CSV lists statuses only.
    const dashboard = await (await app.request(`/admin/cycles/${cycleId}`, { headers })).text()
    expect(dashboard).toMatch(/<span class="figure">4<\/span> invited/)
    expect(dashboard).toMatch(/<span class="figure">2<\/span> accepted/)
    expect(dashboard).toMatch(/<span class="figure">1<\/span> declined/)
    expect(dashboard).toMatch(/<span class="figure">1<\/span> submitted/)
    expect(dashboard).toMatch(/<span class="figure">25%<\/span> complete/)
    expect(dashboard).toContain('<svg role="img" aria-labelledby="daily-progress-title daily-progress-desc"')
    const csv = await (await app.request(`/admin/cycles/${cycleId}/status.csv`, { headers })).text()
    expect(csv.split('\r\n')[0]).toBe('school,state,discipline,status,source,addressee,invitation_mail,invited_at,responded_at,submitted_at,last_activity_at,deadline_at,reminders_sent_days_before')
    expect(csv.trim().split('\r\n')).toHaveLength(5)
  })

  test('an admin readdresses an invitation (the old link stops working) and lets a school that was not drawn join', async () => {
    const pool = await seedSchools('dental', 3)
    const created = await app.request('/admin/cycles/new', cycleForm({ title: 'Dental sample', 'sample-dental': '1', sampleSeed: '7' }, ['dental']))
    const cycleId = created.headers.get('location')!.split('/').pop()!
    await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    const [p] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    const oldLink = linkIn((await peer.waitFor(p!.inviteeEmail!)).text!)

    const bad = await app.request(`/admin/cycles/${cycleId}/schools/${p!.id}/addressee`, formPost({ email: 'not an address' }, headers))
    expect(bad.status).toBe(422)
    const newDean = `new-dean-${randomUUID().slice(0, 6)}@school.test`
    expect((await app.request(`/admin/cycles/${cycleId}/schools/${p!.id}/addressee`, formPost({ email: newDean, name: 'New Dean' }, headers))).status).toBe(303)
    const newLink = linkIn((await peer.waitFor(newDean)).text!)
    expect((await app.request(oldLink)).status).toBe(410)
    expect((await app.request(newLink)).status).toBe(200)

    const notDrawn = pool.find((s) => s.id !== p!.schoolId)!
    const join = () => app.request(`/admin/cycles/${cycleId}/schools/add`, formPost({ schoolIds: notDrawn.id, source: 'on-request' }, headers))
    expect((await join()).status).toBe(303)
    const rows = () => db.select().from(cycleParticipations).where(and(eq(cycleParticipations.cycleId, cycleId), inArray(cycleParticipations.schoolId, [notDrawn.id])))
    expect((await rows())[0]!.source).toBe('on-request')
    // Adding it again changes nothing: a school is in a cycle once.
    expect((await join()).status).toBe(303)
    expect(await rows()).toHaveLength(1)
  })

  test('the same seed draws the same schools again', async () => {
    const eligible = [...Array(30)].map((_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, discipline: 'pa' as const, status: 'active' as const }))
    expect(chooseInvited(eligible, ['pa'], { pa: 5 }, 2019)).toEqual(chooseInvited([...eligible].reverse(), ['pa'], { pa: 5 }, 2019))
  })
})

describe('per-school deadline extensions', () => {
  test('an extension earlier than the cycle deadline comes back beside the field; a later one moves the school’s deadline', async () => {
    await seedSchools('nursing-bsn-msn', 1)
    const created = await app.request('/admin/cycles/new', cycleForm({ title: 'Extension round' }, ['nursing-bsn-msn']))
    const cycleId = created.headers.get('location')!.split('/').pop()!
    await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    const [p] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
    const url = `/admin/cycles/${cycleId}/schools/${p!.id}/extension`

    const early = await app.request(url, formPost({ until: isoDay(new Date()) }, headers))
    expect(early.status).toBe(422)
    const html = await early.text()
    expect(html).toContain('An extension must be later than the cycle’s deadline.')
    expect(html).toContain(`value="${isoDay(new Date())}"`)
    expect((await app.request(url, formPost({ until: 'next week' }, headers))).status).toBe(422)

    const later = isoDay(new Date(Date.now() + 40 * DAY))
    expect((await app.request(url, formPost({ until: later }, headers))).status).toBe(303)
    const [extended] = await db.select().from(cycleParticipations).where(eq(cycleParticipations.id, p!.id))
    expect(extended!.deadlineOverrideAt).toEqual(new Date(`${later}T23:59:59Z`))
  })
})
