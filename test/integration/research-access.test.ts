import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { US_STATES } from '../../src/domain/school/school-facts'
import { createSignInLink } from '../../src/services/auth/sign-in'
import { requireReader, run } from '../support/research-readers'
import { researchTestApp, seedResearchCycle } from '../support/research-seed'
import { seedMember, signedIn } from '../support/seed'
import { formPost, TEST_ORIGIN } from '../support/test-app'

// Who reaches the research area and what it shows them: analysts get aggregates and de-identified files, never a
// school's name, unit id or state; their attempts at school-identifying pages are refused and audited.

const { app, db, instrument, admin, adminHeaders, analyst, analystHeaders } = await researchTestApp()

const STATES = ['NY', 'CA', 'TX', 'OH', 'GA', 'WA', 'MA', 'IL'] as const
const { cycleId, schools } = await seedResearchCycle(app, db, adminHeaders, instrument, Array.from({ length: 8 }, (_, i) => ({
  discipline: 'md' as const, state: STATES[i], control: i % 2 === 0 ? 'public' as const : 'private' as const, level: i / 7,
})), { title: 'Access round 2026' })
const leader = await seedMember(db, schools[0]!.id, 'leader')
const leaderHeaders = await signedIn(db, leader)

const get = (path: string, headers: Record<string, string> = analystHeaders) => app.request(path, { headers })
const deniedAudits = async (path: string) =>
  db.select().from(auditEvents).where(and(eq(auditEvents.action, 'access.denied'), eq(auditEvents.actorUserId, analyst.id), eq(auditEvents.subject, path)))

/** Nothing an analyst receives may carry a school's name or unit id, or a state next to its data. */
function expectNothingIdentifying(text: string) {
  for (const s of schools) {
    expect(text).not.toContain(s.name)
    expect(text).not.toContain(String(s.ipedsUnitId))
  }
}

describe('the analyst reaches the research area', () => {
  test('signing in lands an analyst on /research', async () => {
    const link = await createSignInLink(db, TEST_ORIGIN, { userId: analyst.id }, new Date())
    const res = await app.request('/sign-in/link', formPost({ token: new URL(link).searchParams.get('token')! }))
    expect(res.headers.get('location')).toBe('/research')
  })

  test('the rounds list and the round page show sizes and exports, and no school', async () => {
    const home = await get('/research')
    expect(home.status).toBe(200)
    const homeHtml = await home.text()
    expect(homeHtml).toContain('Access round 2026')
    expect(homeHtml).toContain('Medicine (MD): 8')
    expectNothingIdentifying(homeHtml)
    const page = await get(`/research/cycles/${cycleId}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`/research/cycles/${cycleId}/exports/sav`)
    expect(html).not.toContain('/identified') // the program team's export is not offered to analysts
    expectNothingIdentifying(html)
  })

  test('the de-identified CSV and README hold no name, unit id or state', async () => {
    const csv = await (await get(`/research/cycles/${cycleId}/exports/csv`)).text()
    const rows = parse(csv, { columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(8)
    expect(Object.keys(rows[0]!)).not.toEqual(expect.arrayContaining(['school_name']))
    expect(Object.keys(rows[0]!)).not.toContain('state')
    expect(Object.keys(rows[0]!)).not.toContain('ipeds_unit_id')
    const states = new Set<string>(US_STATES)
    for (const row of rows) for (const value of Object.values(row)) expect(states.has(value)).toBe(false)
    expectNothingIdentifying(csv)
    expectNothingIdentifying(await (await get(`/research/cycles/${cycleId}/exports/readme`)).text())
  })
})

describe('the analyst is refused school-identifying pages, and each attempt is audited', () => {
  test.each([
    ['/admin', 403],
    [`/admin/cycles/${cycleId}`, 403],
    ['/admin/schools/export.csv', 403],
    [`/school/reports/${schools[0]!.responseId}`, 404],
    [`/research/cycles/${cycleId}/identified`, 403],
  ])('%s answers %i and is audited', async (path, status) => {
    const res = await get(path)
    expect(res.status).toBe(status)
    expectNothingIdentifying(await res.text())
    const audits = await deniedAudits(path)
    expect(audits).toHaveLength(1)
    expect(audits[0]!.details).toMatchObject({ status, method: 'GET' })
  })

  test('posting for the identified file is refused and audited too', async () => {
    const path = `/research/cycles/${cycleId}/identified`
    const res = await app.request(path, formPost({ format: 'csv' }, analystHeaders))
    expect(res.status).toBe(403)
    expect((await deniedAudits(path)).some((a) => (a.details as { method: string }).method === 'POST')).toBe(true)
  })

  test('the admin reads the refusals as sentences in the audit log', async () => {
    const html = await (await get('/admin/audit?what=access.', adminHeaders)).text()
    expect(html).toContain('was refused /admin (403), a page that names schools')
  })
})

describe('schools and visitors never reach /research', () => {
  test('a school leader gets 403 and a visitor is sent to sign in', async () => {
    expect((await get('/research', leaderHeaders)).status).toBe(403)
    expect((await get(`/research/cycles/${cycleId}/exports/csv`, leaderHeaders)).status).toBe(403)
    const visitor = await app.request(`/research/cycles/${cycleId}/exports/csv`)
    expect(visitor.status).toBe(303)
    expect(visitor.headers.get('location')).toMatch(/^\/sign-in\?next=/)
  })
})

describe('the program team', () => {
  test('confirms before downloading the file naming schools, and the download is audited', async () => {
    const page = await get(`/research/cycles/${cycleId}/identified`, adminHeaders)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('This file names schools. Keep it inside the program team.')
    const res = await app.request(`/research/cycles/${cycleId}/identified`, formPost({ format: 'csv' }, adminHeaders))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="smm-access-round-2026-identified.csv"')
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r['school_name']).sort()).toEqual(schools.map((s) => s.name).sort())
    const named = rows.find((r) => r['school_name'] === schools[1]!.name)!
    expect(named).toMatchObject({ ipeds_unit_id: String(schools[1]!.ipedsUnitId), state: 'CA' })
    expect(named['study_id']).toMatch(/^S[0-9A-Z]{6}$/)
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'research.identified-exported'), eq(auditEvents.subject, cycleId)))
    expect(audit[0]!.details).toMatchObject({ format: 'csv', rows: 8 })
  })

  test('the file naming schools also comes as SPSS, with names PSPP reads back', async () => {
    const res = await app.request(`/research/cycles/${cycleId}/identified`, formPost({ format: 'sav' }, adminHeaders))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="smm-access-round-2026-identified.sav"')
    const dir = mkdtempSync(join(tmpdir(), 'smm-identified-'))
    writeFileSync(join(dir, 'named.sav'), new Uint8Array(await res.arrayBuffer()))
    requireReader('pspp-convert')
    run('pspp-convert', [join(dir, 'named.sav'), join(dir, 'named.csv')])
    const rows = parse(readFileSync(join(dir, 'named.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r['school_name']!.trim()).sort()).toEqual(schools.map((s) => s.name).sort())
  })

  test('a missing choice of file type comes back with a message', async () => {
    const res = await app.request(`/research/cycles/${cycleId}/identified`, formPost({}, adminHeaders))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Choose the file type.')
  })

  test('downloading the directory and a cycle’s status list is audited with the rows', async () => {
    expect((await get('/admin/schools/export.csv', adminHeaders)).status).toBe(200)
    expect((await get(`/admin/cycles/${cycleId}/status.csv`, adminHeaders)).status).toBe(200)
    const directory = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'directory.exported'), eq(auditEvents.actorUserId, admin.id)))
    expect(Number((directory[0]!.details as { rows: number }).rows)).toBeGreaterThanOrEqual(8)
    const status = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cycle.status-exported'), eq(auditEvents.subject, cycleId)))
    expect(status[0]!.details).toMatchObject({ rows: 8 })
  })
})
