import { describe, expect, test } from 'vitest'
import { recordAudit } from '../../src/services/audit'
import { testApp } from '../support/test-app'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin', name: 'Jane Doe' })
const headers = await signedIn(db, admin)
const actorOf = (u: { id: string; email: string; name: string | null }) =>
  ({ kind: 'user', userId: u.id, email: u.email, name: u.name, programRole: 'admin', memberships: [] }) as const

const get = async (path: string) => {
  const res = await app.request(path, { headers })
  return { status: res.status, html: await res.text() }
}

describe('the admin navigation', () => {
  test('appears on every admin page and marks the section the officer is in', async () => {
    const cycles = await get('/admin/cycles')
    expect(cycles.html).toContain('aria-label="Program administration"')
    expect(cycles.html).toMatch(/<a href="\/admin\/cycles" aria-current="page">Cycles<\/a>/)
    expect(cycles.html).not.toMatch(/<a href="\/admin\/audit" aria-current="page">/)
    const audit = await get('/admin/audit')
    expect(audit.html).toMatch(/<a href="\/admin\/audit" aria-current="page">Audit log<\/a>/)
  })

  test('is not shown on public pages, and every page carries the icon', async () => {
    const home = await get('/')
    expect(home.html).not.toContain('aria-label="Program administration"')
    const icon = home.html.match(/<link rel="icon" href="data:image\/svg\+xml,([^"]+)"/)?.[1]
    expect(decodeURIComponent(icon!)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>$/)
  })
})

const school = await seedSchool(db, { name: 'Example University Audit' })
await recordAudit(db, actorOf(admin), 'report.viewed', { schoolId: school.id, subject: 'r1', details: { format: 'web' } })
await recordAudit(db, actorOf(admin), 'response.reopened', { schoolId: school.id, subject: 'r1', details: { reason: 'A wrong count in area 3' } })

describe('the audit log', () => {
  test('reads as sentences a person understands', async () => {
    const { html } = await get('/admin/audit')
    expect(html).toContain('Jane Doe viewed the report of Example University Audit.')
    expect(html).toContain('Jane Doe reopened the response of Example University Audit: “A wrong count in area 3”.')
  })

  test('filters by who, what, school and date', async () => {
    const other = await seedUser(db, { programRole: 'admin', name: 'Sam Other' })
    await recordAudit(db, actorOf(other), 'report.viewed', { schoolId: (await seedSchool(db, { name: 'Elsewhere College' })).id })

    const byWho = await get('/admin/audit?who=sam')
    expect(byWho.html).toContain('Sam Other viewed the report of Elsewhere College.')
    expect(byWho.html).not.toContain('Jane Doe viewed')

    const byWhat = await get('/admin/audit?what=response.&school=example')
    expect(byWhat.html).toContain('reopened the response of Example University Audit')
    expect(byWhat.html).not.toContain('viewed the report')

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    const before = await get(`/admin/audit?until=${yesterday}`)
    expect(before.html).toContain('No entries match these filters')
  })

  test('a date typed wrongly comes back on the page with its message and what was typed', async () => {
    const { status, html } = await get('/admin/audit?from=29%2F11%2F2026&who=jane')
    expect(status).toBe(422)
    expect(html).toContain('There is a problem')
    expect(html).toContain('Enter the first day as a date, like 2026-11-01.')
    expect(html).toContain('value="jane"')
  })

  test('pages by fifty, older and newer', async () => {
    const busy = await seedUser(db, { programRole: 'admin', name: 'Paging Person' })
    for (let i = 0; i < 55; i++) await recordAudit(db, actorOf(busy), 'auth.signed-in')
    const first = await get('/admin/audit?who=paging')
    expect(first.html.match(/Paging Person signed in\./g)).toHaveLength(50)
    const older = first.html.match(/href="([^"]*before=\d+[^"]*)"/)![1]!.replaceAll('&amp;', '&')
    const second = await get(older)
    expect(second.html.match(/Paging Person signed in\./g)).toHaveLength(5)
    expect(second.html).toContain('Newer entries')
    expect(second.html).not.toContain('Older entries')
  })

  test('is for the program team only', async () => {
    const dean = await seedMember(db, school.id, 'leader')
    const res = await app.request('/admin/audit', { headers: await signedIn(db, dean) })
    expect(res.status).toBe(403)
  })
})

describe('accounts', () => {
  test('lists people with their program role and schools, searchable', async () => {
    const school = await seedSchool(db, { name: 'Accounts Test School' })
    const dean = await seedMember(db, school.id, 'leader')
    const { html } = await get(`/admin/accounts?q=${encodeURIComponent(dean.email)}`)
    expect(html).toContain(dean.email)
    expect(html).toContain('Accounts Test School (leader)')
    const main = html.slice(html.indexOf('<main'))
    expect(main).not.toContain(admin.email)
  })
})
