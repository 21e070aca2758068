import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { auditEvents } from '../../src/db/schema/operations'
import type { Discipline } from '../../src/domain/school/school-facts'
import { startWorkers } from '../../src/jobs/workers'
import { createMailTransport } from '../../src/mail/transport'
import { JOB_NAMES } from '../../src/services/jobs'
import { startSmtpPeer } from '../support/smtp-peer'
import { formPost, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

const { app, db, queue } = await testApp()
await importShippedInstruments(db)
const peer = await startSmtpPeer()
afterAll(() => peer.close())
await startWorkers(queue, { db, transport: createMailTransport(peer.url), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue })
await queue.boss.offWork(JOB_NAMES.cycleCalendar)

const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** `count` active schools of a discipline, each with a dean's address. */
async function seedSchools(discipline: Discipline, count: number, state = 'IL') {
  const tag = randomUUID().slice(0, 6)
  return insertSchools(db, Array.from({ length: count }, (_, i) => ({
    name: `Sampling ${discipline} ${tag} School ${i}`, city: 'Springfield', state, discipline, control: 'public' as const,
    carnegieGroup: 'r2' as const, deanName: `Dean ${i}`, deanEmail: `dean-${i}-${tag}@school.test`,
  })))
}

function cycleForm(fields: Record<string, string>, disciplines: Discipline[]) {
  const body = new URLSearchParams({
    title: 'Sampled round', instrumentVersion: 'smm-2024', sampleSeed: '', opensOn: isoDay(new Date()),
    deadlineOn: isoDay(new Date(Date.now() + 30 * DAY)), reminderDays: '7', ...fields,
  })
  for (const d of disciplines) body.append('disciplines', d)
  return { ...formPost({}, headers), body }
}
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!
const page = async (path: string) => (await app.request(path, { headers })).text()
const participants = (cycleId: string) => db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, cycleId))
const audits = (action: string, subject: string) => db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subject, subject)))

// One directory for the whole file: the 2019 design in miniature (all MD, DO and dental; a sample of nursing).
const md = await seedSchools('md', 3)
const dos = await seedSchools('do', 2)
const dental = await seedSchools('dental', 2, 'MO')
const nursing = await seedSchools('nursing-bsn-msn', 12)
const DESIGN: Discipline[] = ['md', 'do', 'dental', 'nursing-bsn-msn']

describe('eligibility and sampling per discipline', () => {
  test('a sample larger than its discipline’s pool is refused on that discipline’s field, with what was typed kept', async () => {
    const res = await app.request('/admin/cycles/new', cycleForm({ 'sample-nursing-bsn-msn': '13', 'sample-md': '' }, DESIGN))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('The sample of 13 is larger than the 12 eligible Nursing (bachelor’s and master’s) schools')
    expect(html).toContain('href="#sample-nursing-bsn-msn"') // the error summary links to the field
    expect(html).toMatch(/id="sample-nursing-bsn-msn"[^>]*value="13"/)
  })

  test('the preview shows eligible and to-be-invited counts per discipline before anything is sent; opening invites exactly those', async () => {
    const created = await app.request('/admin/cycles/new', cycleForm({ title: '2019 design', 'sample-nursing-bsn-msn': '5', sampleSeed: '2019' }, DESIGN))
    expect(created.status).toBe(303)
    const cycleId = idOf(created)
    const dashboard = await page(`/admin/cycles/${cycleId}`)
    expect(dashboard).toContain('Nursing (bachelor’s and master’s): a random sample of 5')
    expect(dashboard).toContain('Medicine (MD): every eligible school')
    expect(dashboard).toContain(`href="/admin/cycles/${cycleId}/open"`)

    const preview = await page(`/admin/cycles/${cycleId}/open`)
    const row = (label: string) => preview.match(new RegExp(`${label.replace(/[()]/g, '\\$&')}</th><td>([^<]+)</td><td class="num">(\\d+)</td><td class="num">(\\d+)</td>`))?.slice(1)
    expect(row('Medicine (MD)')).toEqual(['Every eligible school', '3', '3'])
    expect(row('Osteopathic medicine (DO)')).toEqual(['Every eligible school', '2', '2'])
    expect(row('Dentistry')).toEqual(['Every eligible school', '2', '2'])
    expect(row('Nursing (bachelor’s and master’s)')).toEqual(['A random sample of 5', '12', '5'])
    expect(preview).toContain('Sample seed 2019')
    expect(preview).toContain('Open the cycle and send 12 invitations')
    expect(await participants(cycleId)).toHaveLength(0) // looking sends nothing

    expect((await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))).status).toBe(303)
    const invited = await participants(cycleId)
    const inDiscipline = (schools: { id: string }[]) => invited.filter((p) => schools.some((s) => s.id === p.schoolId))
    expect([md, dos, dental, nursing].map((d) => inDiscipline(d).length)).toEqual([3, 2, 2, 5])
    expect(new Set(inDiscipline(nursing).map((p) => p.source))).toEqual(new Set(['sampled']))
    expect(new Set(inDiscipline(md).map((p) => p.source))).toEqual(new Set(['all-eligible']))
    expect((await audits('cycle.open', cycleId))[0]!.details).toMatchObject({ invited: 12, seed: 2019 })

    // The same seed over the same directory draws the same nursing schools, whichever other disciplines it covers.
    const again = idOf(await app.request('/admin/cycles/new', cycleForm({ title: 'Redraw', 'sample-nursing-bsn-msn': '5', sampleSeed: '2019' }, ['nursing-bsn-msn'])))
    await app.request(`/admin/cycles/${again}/advance`, formPost({ to: 'open' }, headers))
    expect((await participants(again)).map((p) => p.schoolId).sort()).toEqual(inDiscipline(nursing).map((p) => p.schoolId).sort())
  })
})

describe('adding schools to an open cycle', () => {
  test('search by name, state or unit id; schools already in are shown as such; several are added and invited at once; counts stay true', async () => {
    const cycleId = idOf(await app.request('/admin/cycles/new', cycleForm({ title: 'Add-to round', 'sample-nursing-bsn-msn': '2', sampleSeed: '11' }, ['md', 'nursing-bsn-msn'])))
    await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    // While sending, the page reads "n of 5 invitations created"; once done, "5 invitations created (finished …)".
    const createdLine = async () => (await page(`/admin/cycles/${cycleId}`)).match(/\d+ invitations created \(finished/)?.[0]
    await expect.poll(createdLine, { timeout: 20_000 }).toBe('5 invitations created (finished')
    // Schools that join the directory after the cycle opened, so the draw above could not pick them.
    const late = await insertSchools(db, [
      { name: 'Late Addition College of Nursing', city: 'Columbia', state: 'SC', discipline: 'nursing-bsn-msn', control: 'public', carnegieGroup: 'r2', ipedsUnitId: 918273, deanName: 'Dean Late', deanEmail: `late-${randomUUID().slice(0, 6)}@school.test` },
      { name: 'Second Late School of Nursing', city: 'Columbia', state: 'SC', discipline: 'nursing-bsn-msn', control: 'public', carnegieGroup: 'r2', deanName: 'Dean Second', deanEmail: `second-${randomUUID().slice(0, 6)}@school.test` },
      { name: 'Late PA Program', city: 'Columbia', state: 'SC', discipline: 'pa', control: 'public', carnegieGroup: 'r2', deanEmail: `pa-${randomUUID().slice(0, 6)}@school.test` },
    ])

    // By unit id: one school; by state: both SC nursing schools, never the PA one (not a discipline of the cycle).
    expect(await page(`/admin/cycles/${cycleId}/schools/add?q=918273`)).toContain('Late Addition College of Nursing')
    const byState = await page(`/admin/cycles/${cycleId}/schools/add?state=SC`)
    expect(byState).toContain('Second Late School of Nursing')
    expect(byState).not.toContain('Late PA Program')
    // A school already in the cycle is listed without a box to tick.
    const mdPage = await page(`/admin/cycles/${cycleId}/schools/add?q=${encodeURIComponent(md[0]!.name)}`)
    expect(mdPage).toContain('In the cycle')
    expect(mdPage).not.toContain(`value="${md[0]!.id}"`)

    // Nothing ticked and no reason chosen: the same page, 422, both named, the search kept.
    const none = await app.request(`/admin/cycles/${cycleId}/schools/add`, formPost({ state: 'SC' }, headers))
    expect(none.status).toBe(422)
    const noneHtml = await none.text()
    expect(noneHtml).toContain('Tick at least one school to add.')
    expect(noneHtml).toContain('Choose why the schools are joining.')
    expect(noneHtml).toContain('Second Late School of Nursing')

    const body = new URLSearchParams({ source: 'late-invite' })
    for (const s of late.slice(0, 2)) body.append('schoolIds', s.id)
    const added = await app.request(`/admin/cycles/${cycleId}/schools/add`, { ...formPost({}, headers), body })
    expect(added.status).toBe(303)
    const rows = await participants(cycleId)
    expect(rows).toHaveLength(7)
    expect(rows.filter((r) => r.source === 'late-invite')).toHaveLength(2)
    for (const s of late.slice(0, 2)) {
      expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cycle.school-added'), eq(auditEvents.schoolId, s.id))))).toHaveLength(1)
    }
    // Both deans get their invitation through SMTP, and the cycle page counts every invitation.
    await peer.waitFor(rows.find((r) => r.schoolId === late[1]!.id)!.inviteeEmail!)
    expect(await createdLine()).toBe('7 invitations created (finished')
    const dashboard = await page(`/admin/cycles/${cycleId}`)
    expect(dashboard).toMatch(/<span class="figure">7<\/span> invited/)

    // Added again (a second tab): still one row each.
    await app.request(`/admin/cycles/${cycleId}/schools/add`, { ...formPost({}, headers), body })
    expect(await participants(cycleId)).toHaveLength(7)
    // A school outside the cycle's disciplines cannot be slipped in by hand.
    expect((await app.request(`/admin/cycles/${cycleId}/schools/add`, formPost({ schoolIds: late[2]!.id, source: 'late-invite' }, headers))).status).toBe(409)
  })
})

describe('pilot rounds and publishing participation', () => {
  async function closedCycle(title: string, pilot: boolean) {
    const id = idOf(await app.request('/admin/cycles/new', cycleForm({ title, pilot: pilot ? 'yes' : '' }, ['md', 'do', 'dental'])))
    await app.request(`/admin/cycles/${id}/advance`, formPost({ to: 'open' }, headers))
    await app.request(`/admin/cycles/${id}/advance`, formPost({ to: 'closed' }, headers))
    expect((await db.select().from(cycles).where(eq(cycles.id, id)))[0]!.status).toBe('closed')
    return id
  }

  test('closing publishes nothing; the preview shows the public figures with small counts hidden; publish and withdraw are audited', async () => {
    const title = `Published round ${randomUUID().slice(0, 6)}`
    const id = await closedCycle(title, false)
    expect(await (await app.request('/participation')).text()).not.toContain(title)
    expect((await app.request(`/admin/cycles/${id}/schools/add`, { headers })).status).toBe(409) // no joining once closed

    const preview = await page(`/admin/cycles/${id}/publication`)
    expect(preview).toContain('Not published.')
    expect(preview).toContain(title)
    expect(preview).toContain('fewer than 5') // 3 MD, 2 DO, 2 dental invited: each under the threshold

    expect((await app.request(`/admin/cycles/${id}/publication`, formPost({ publish: 'yes' }, headers))).status).toBe(303)
    const publicPage = await (await app.request('/participation')).text()
    expect(publicPage).toContain(title)
    expect(await page(`/admin/cycles/${id}/publication`)).toContain('Withdraw from the public page')
    expect(await audits('cycle.participation-published', id)).toHaveLength(1)

    await app.request(`/admin/cycles/${id}/publication`, formPost({ publish: 'no' }, headers))
    expect(await (await app.request('/participation')).text()).not.toContain(title)
    expect(await audits('cycle.participation-unpublished', id)).toHaveLength(1)
  })

  test('a pilot round says so on its pages, cannot be published, and never reaches the public page', async () => {
    const title = `Pilot round ${randomUUID().slice(0, 6)}`
    const id = await closedCycle(title, true)
    expect(await page(`/admin/cycles/${id}`)).toContain('Pilot or test round.')
    expect(await page('/admin/cycles')).toContain(`${title}</a><span class="tag">pilot</span>`)
    expect(await page(`/admin/cycles/${id}/publication`)).toContain('A pilot or test round is never published.')
    expect((await app.request(`/admin/cycles/${id}/publication`, formPost({ publish: 'yes' }, headers))).status).toBe(409)
    // Even a publication date written behind the app's back does not put it on the public page.
    await db.update(cycles).set({ participationPublishedAt: new Date() }).where(eq(cycles.id, id))
    expect(await (await app.request('/participation')).text()).not.toContain(title)
  })
})
