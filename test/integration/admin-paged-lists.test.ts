import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { schools } from '../../src/db/schema/schools'
import { formPost, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

// The admin lists at national scale (issue 21, decision 163): a 2,000-school cycle's page shows one page of 50
// schools with the counts of the whole cycle and a pager; filters stay on the server and in every page link; bad
// page numbers never fail; "all that match" acts across pages; the CSV stays complete.

const { app, db } = await testApp()
await importShippedInstruments(db)
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const SCHOOLS = 2_000

// Schools 0000…1999, every other one in Ohio and the rest in Texas; every tenth declined, the next one accepted.
for (let i = 0; i < SCHOOLS; i += 500) {
  await insertSchools(db, Array.from({ length: 500 }, (_, k) => ({
    name: `Paged School ${String(i + k).padStart(4, '0')}`, city: (i + k) % 2 === 0 ? 'Columbus' : 'Austin', state: (i + k) % 2 === 0 ? 'OH' : 'TX',
    discipline: 'do' as const, control: 'public' as const, carnegieGroup: 'r2' as const, deanEmail: `dean-${i + k}@paged.test`,
  })))
}
const created = await app.request('/admin/cycles/new', {
  ...formPost({}, headers),
  body: new URLSearchParams({ title: 'National round', instrumentVersion: 'smm-2024', disciplines: 'do', opensOn: '2026-01-01', deadlineOn: '2030-12-31', reminderDays: '30' }),
})
const cycleId = created.headers.get('location')!.split('/').pop()!
await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
await db.execute(sql`
  update cycle_participations p set status = case when substring(s.name from 14)::int % 10 = 0 then 'declined' else 'accepted' end, responded_at = now()
  from schools s where s.id = p.school_id and p.cycle_id = ${cycleId} and substring(s.name from 14)::int % 10 in (0, 1)`)

/** The cycle page as a browser ends up on it: a NUL in the query is sent on without it first (decision 171). */
const page = async (query = '') => {
  let res = await app.request(`/admin/cycles/${cycleId}${query}`, { headers })
  if (res.status === 308) res = await app.request(res.headers.get('location')!, { headers })
  return { status: res.status, html: await res.text() }
}
const schoolsListed = (html: string) => [...html.matchAll(/aria-label="Select (Paged School \d{4})"/g)].map((m) => m[1]!)

describe('the cycle page of a 2,000-school cycle', () => {
  test('shows 50 schools, the counts of the whole cycle, and the pager', async () => {
    const { status, html } = await page()
    expect(status).toBe(200)
    expect(schoolsListed(html)).toHaveLength(50)
    expect(html).toContain('Showing 1–50 of 2,000 schools.')
    // Counts come from the whole cycle, not the page: the cards and the status filter.
    expect(html).toContain('<span class="figure">2000</span> invited')
    expect(html).toContain('<span class="figure">200</span> declined')
    expect(html).toContain('Declined (200)</option>')
    expect(html).toContain('Accepted (200)</option>')
    // The pager: the current page, the next one, the last (40), and Next.
    expect(html).toMatch(/<a href="[^"]*" aria-label="Page 1" aria-current="page">1<\/a>/)
    expect(html).toContain(`href="/admin/cycles/${cycleId}?page=2#schools-title" aria-label="Page 2"`)
    expect(html).toContain(`href="/admin/cycles/${cycleId}?page=40#schools-title" aria-label="Page 40"`)
    expect(html).toContain('rel="next"')
    expect(html).not.toContain('rel="prev"')
    // Ohio sorts before Texas: page 1 is the first 50 Ohio schools by name.
    expect(schoolsListed(html)[0]).toBe('Paged School 0000')
    expect(schoolsListed(html)[49]).toBe('Paged School 0098')
  })

  test('page 2 shows the next 50; the pages together list every school once', async () => {
    const second = await page('?page=2')
    expect(second.html).toContain('Showing 51–100 of 2,000 schools.')
    expect(schoolsListed(second.html)[0]).toBe('Paged School 0100')
    expect(second.html).toContain('rel="prev"')
    const seen = new Set<string>()
    for (let p = 1; p <= 40; p++) for (const name of schoolsListed((await page(`?page=${p}`)).html)) seen.add(name)
    expect(seen.size).toBe(SCHOOLS)
  })

  test('filters are applied by the server and kept in every page link', async () => {
    const { html } = await page('?status=declined&state=TX&q=Paged')
    // Declined schools are every tenth (even numbers), so none is in Texas (odd numbers).
    expect(html).toContain('No schools found.')
    const declinedOhio = await page('?status=declined&state=OH&page=2')
    expect(declinedOhio.html).toContain('Showing 51–100 of 200 schools.')
    expect(schoolsListed(declinedOhio.html).every((n) => Number(n.slice(-4)) % 10 === 0)).toBe(true)
    expect(declinedOhio.html).toContain(`href="/admin/cycles/${cycleId}?status=declined&amp;state=OH&amp;page=3#schools-title"`)
    expect(declinedOhio.html).toContain(`href="/admin/cycles/${cycleId}?status=declined&amp;state=OH#schools-title" aria-label="Page 1"`)
    // The form shows the filter as chosen.
    expect(declinedOhio.html).toMatch(/<option value="declined" selected="">Declined \(200\)<\/option>/)
    const named = await page('?q=School%200123')
    expect(schoolsListed(named.html)).toEqual(['Paged School 0123'])
    expect(named.html).toContain('1 school found.')
  })

  test('bad page numbers and unknown filters never fail: page 1, or the last page past the end', async () => {
    for (const bad of ['?page=abc', '?page=-3', '?page=0', '?page=1.5', '?page=%00', '?page=99999999999999999999', '?status=nonsense&state=<b>&discipline=x']) {
      const { status, html } = await page(bad)
      expect(status, bad).toBe(200)
      expect(html, bad).toContain('Showing 1–50 of 2,000 schools.')
    }
    const past = await page('?page=41')
    expect(past.html).toContain('Showing 1,951–2,000 of 2,000 schools.')
    expect(past.html).not.toContain('rel="next"')
  })

  test('a bulk action on every school the filter matches says how many, across pages, and acts on all of them', async () => {
    const html = (await page('?status=accepted&state=TX')).html
    // Accepted schools are those numbered …1, all odd, so all 200 are in Texas and spread over four pages.
    expect(html).toContain('All 200 schools that match the filter, on every page')
    const confirm = await app.request(`/admin/cycles/${cycleId}/bulk`, formPost({ action: 'extend', until: '', scope: 'matching', status: 'accepted', state: 'TX' }, headers))
    expect(confirm.status).toBe(200)
    const confirmHtml = await confirm.text()
    expect(confirmHtml).toContain('200 schools match the filter; this applies to 200.')
    const pids = [...confirmHtml.matchAll(/<input type="hidden" name="pid" value="([0-9a-f-]+)"/g)].map((m) => m[1]!)
    expect(pids).toHaveLength(200)
    const body = new URLSearchParams([['action', 'extend'], ['until', '2031-01-31'], ...pids.map((id) => ['pid', id] as [string, string])])
    const applied = await app.request(`/admin/cycles/${cycleId}/bulk/apply`, { ...formPost({}, headers), body })
    expect(applied.status).toBe(303)
    const extended = await db.select({ n: sql<number>`count(*)::int`, state: schools.state }).from(cycleParticipations)
      .innerJoin(schools, eq(schools.id, cycleParticipations.schoolId))
      .where(and(eq(cycleParticipations.cycleId, cycleId), isNotNull(cycleParticipations.deadlineOverrideAt))).groupBy(schools.state)
    expect(extended).toEqual([{ n: 200, state: 'TX' }])
  })

  test('the status CSV is still every school of the cycle', async () => {
    const csv = await (await app.request(`/admin/cycles/${cycleId}/status.csv`, { headers })).text()
    expect(csv.trim().split('\n')).toHaveLength(SCHOOLS + 1)
  })
})

describe('the reports page of the cycle', () => {
  test('lists scored responses 50 at a time with the counts, keeping the filter in the pager', async () => {
    // 120 scored responses, written straight to the tables the scoring job fills.
    await db.execute(sql`insert into responses (participation_id, cycle_id, school_id, instrument_version, status, submitted_at)
      select p.id, p.cycle_id, p.school_id, 'smm-2024', 'submitted', now() from cycle_participations p join schools s on s.id = p.school_id
      where p.cycle_id = ${cycleId} and substring(s.name from 14)::int < 120`)
    await db.execute(sql`insert into response_scores (response_id, cycle_id, school_id, instrument_version, areas, domains, submitted_at)
      select r.id, r.cycle_id, r.school_id, 'smm-2024', '{}', '{}', now() from responses r where r.cycle_id = ${cycleId}`)
    const html = await (await app.request(`/admin/cycles/${cycleId}/reports?released=no&page=2`, { headers })).text()
    expect(html).toContain('Showing 51–100 of 120 scored responses.')
    expect([...html.matchAll(/>Open the report<span/g)]).toHaveLength(50)
    expect(html).toContain('Not released yet (120)</option>')
    expect(html).toContain('Released (0)</option>')
    expect(html).toContain(`href="/admin/cycles/${cycleId}/reports?released=no&amp;page=3#reports-title"`)
    expect((await app.request(`/admin/cycles/${cycleId}/reports?page=x&released=maybe`, { headers })).status).toBe(200)
  })
})

describe('the directory with 2,000 schools', () => {
  test('shows 50 at a time with the pager, keeping the search in the links', async () => {
    const html = await (await app.request('/admin/schools?state=TX&q=Paged&page=3', { headers })).text()
    expect(html).toContain('Showing 101–150 of 1,000 schools.')
    expect([...html.matchAll(/<a href="\/admin\/schools\/[0-9a-f-]{36}">/g)]).toHaveLength(50)
    expect(html).toContain('href="/admin/schools?q=Paged&amp;state=TX&amp;page=4"')
    const bad = await app.request('/admin/schools?page=zzz', { headers })
    expect(bad.status).toBe(200)
    expect(await bad.text()).toContain('Showing 1–50 of 2,000 schools.')
  })
})

describe('the outbox with 1,200 messages', () => {
  test('one page of messages with the counts per status from the whole outbox', async () => {
    await db.execute(sql`insert into mail_messages (kind, to_address, subject, text_body, status)
      select 'invitation', 'dean-' || n || '@paged.test', 'Invitation ' || n, 'Hello', case when n % 4 = 0 then 'failed' else 'sent' end from generate_series(1, 1200) n`)
    const html = await (await app.request('/admin/mail?status=failed&page=2', { headers })).text()
    expect(html).toContain('Failed (300)')
    expect(html).toContain('Showing 51–100 of 300 messages.')
    expect(html).toContain('href="/admin/mail?status=failed&amp;page=3"')
  })
})
