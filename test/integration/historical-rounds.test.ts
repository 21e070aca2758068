import { and, eq, sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { insertSchools } from '../../src/db/queries/schools'
import { cycles } from '../../src/db/schema/cycles'
import { auditEvents } from '../../src/db/schema/operations'
import { answers, responses } from '../../src/db/schema/responses'
import { normsSnapshots, responseScores } from '../../src/db/schema/scoring'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedSubmittedResponse } from '../support/scoring-seed'
import { importShippedInstruments, seedMember, seedUser, signedIn } from '../support/seed'
import { seedResponse } from '../support/seed-response'
import { formPost, testApp } from '../support/test-app'

const { app, db } = await testApp()
await importShippedInstruments(db)
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

// Seven medical schools that took part in 2019: A–C have their answers on record, D–G only their area scores.
const base = 910_000 + Math.floor(Math.random() * 80_000)
const schools = await insertSchools(db, 'ABCDEFG'.split('').map((letter, i) => ({
  name: `History School ${letter} ${base}`, city: 'Springfield', state: 'IL', discipline: 'md' as const, control: 'public' as const,
  carnegieGroup: 'r1' as const, ipedsUnitId: base + i,
})))
type Seeded = (typeof schools)[number] & { ipedsUnitId: number }
const [a, b, c, d, e, f, g] = schools.map((s, i) => ({ ...s, ipedsUnitId: base + i })) as [Seeded, Seeded, Seeded, Seeded, Seeded, Seeded, Seeded]

const HEADER = 'ipeds_unit_id,school_id,school_name,service-learning.format,service-learning.hours,service-learning.reflection,service-learning.partner-input,community-health-needs.joins-assessment,service-learning,community-health-needs'
const answersRow = (s: { ipedsUnitId: number }, format: string, hours: string) => `${s.ipedsUnitId},,,${format},${hours},yes,yes,no,,`
const scoresRow = (s: { id: string }, service: string, health: string) => `,${s.id},"Name, for people",,,,,,${service},${health}`
const GOOD = [
  HEADER,
  answersRow(a, 'required', '80'),
  answersRow(b, 'elective', '30'),
  answersRow(c, 'required', 'dk'),
  scoresRow(d, '40', '55.5'),
  scoresRow(e, '20', '10'),
  scoresRow(f, '60', ''),
  scoresRow(g, '80', '90'),
].join('\r\n')

function upload(csv: string, fields: Record<string, string> = {}) {
  const body = new FormData()
  for (const [k, v] of Object.entries({ title: '2019 national round', year: '2019', instrumentVersion: 'smm-2019', ...fields })) body.set(k, v)
  body.set('file', new File([csv], 'round-2019.csv', { type: 'text/csv' }))
  return app.request('/admin/historical-rounds', { method: 'POST', headers: adminHeaders, body })
}
const historicalCycles = () => db.select().from(cycles).where(eq(cycles.kind, 'historical'))
const confirmFields = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))

describe('importing a past round', () => {
  test('unknown schools, bad codes and duplicate schools are reported by row and column, and nothing is imported', async () => {
    const csv = [
      HEADER,
      answersRow(a, 'required', '80'),
      '999999,,,required,80,yes,yes,no,,', // no such school
      answersRow(b, 'sometimes', '80'), // not an option
      scoresRow(a, '40', '50'), // A again
      scoresRow(d, '140', '50'), // not 0–100
    ].join('\n')
    const res = await upload(csv)
    expect(res.status).toBe(422)
    const html = (await res.text()).replace(/\s+/g, ' ')
    expect(html).toContain('There is a problem')
    expect(html).toContain('4 problems in the file. Nothing has been imported')
    expect(html).toMatch(/<td class="num">3<\/td><td>ipeds_unit_id<\/td><td>No school in the directory has IPEDS unit id 999999\./)
    expect(html).toMatch(/<td class="num">4<\/td><td>service-learning.format<\/td><td>“sometimes” is not one of the options: use none, elective, required/)
    expect(html).toMatch(new RegExp(`<td class="num">5</td><td></td><td>Duplicate: row 2 is already History School A ${base}`))
    expect(html).toMatch(/<td class="num">6<\/td><td>service-learning<\/td><td>An area score is a number from 0 to 100, not “140”\./)
    expect(html).toContain('href="#problem-0"')
    expect(html).not.toContain('name="content"')
    expect(await historicalCycles()).toHaveLength(0)
  })

  test('a missing name, a year to come and a file of another version come back on the form with what was typed', async () => {
    const res = await upload('school_id,curriculum.sdoh\n,yes\n', { title: '', year: '2999', instrumentVersion: 'smm-2019' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter a name for the round')
    expect(html).toMatch(/Enter a year from 2000 to \d{4}\./)
    expect(html).toContain('value="2999"')
    const wrongVersion = await upload('school_id,curriculum.sdoh\n,yes\n')
    expect(await wrongVersion.text()).toContain('These columns are not item ids or area ids of smm-2019: curriculum.sdoh.')
  })

  test('a valid file is previewed, then imported in one go as a scored round with frozen norms, marked as imported and audited', async () => {
    const preview = await upload(GOOD)
    const html = await preview.text()
    expect(preview.status).toBe(200)
    expect(html.replace(/\s+/g, ' ')).toContain('3 with item answers, 4 with area scores only')
    expect(await historicalCycles()).toHaveLength(0) // the preview wrote nothing

    const confirm = await app.request('/admin/historical-rounds/confirm', formPost(confirmFields(html), adminHeaders))
    expect(confirm.status).toBe(303)
    const [cycle] = await historicalCycles()
    expect(confirm.headers.get('location')).toBe(`/admin/cycles/${cycle!.id}`)
    expect(cycle).toMatchObject({ title: '2019 national round', status: 'scored', instrumentVersion: 'smm-2019' })
    expect(cycle!.opensAt.getUTCFullYear()).toBe(2019)

    const imported = await db.select().from(responses).where(eq(responses.cycleId, cycle!.id))
    expect(imported.map((r) => r.source).sort()).toEqual([...Array(3).fill('imported-answers'), ...Array(4).fill('imported-area-scores')].sort())
    expect(imported.every((r) => r.status === 'submitted' && r.certifiedByName === null)).toBe(true)
    const responseOf = (schoolId: string) => imported.find((r) => r.schoolId === schoolId)!.id
    const aAnswers = await db.select().from(answers).where(eq(answers.responseId, responseOf(a.id)))
    expect(Object.fromEntries(aAnswers.map((x) => [x.itemId, x.value]))).toEqual({
      'service-learning.format': 'required', 'service-learning.hours': 80, 'service-learning.reflection': true,
      'service-learning.partner-input': true, 'community-health-needs.joins-assessment': false,
    })
    const [aScore] = await db.select().from(responseScores).where(eq(responseScores.responseId, responseOf(a.id)))
    expect(aScore!.areas['service-learning']).toBe(100)
    const [dScore] = await db.select().from(responseScores).where(eq(responseScores.responseId, responseOf(d.id)))
    expect(dScore!.areas).toMatchObject({ 'service-learning': 40, 'community-health-needs': 55.5, 'curriculum-ipe': null })
    expect(dScore!.overall).toBeCloseTo((40 + 55.5) / 2, 10)

    const [snapshot] = await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycle!.id))
    expect(snapshot!.members).toHaveLength(7)
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'history.round-imported'), eq(auditEvents.subject, cycle!.id)))
    expect(audit!.details).toMatchObject({ year: 2019, instrumentVersion: 'smm-2019', answers: 3, areaScores: 4, snapshotId: snapshot!.id })

    // Confirming the same file again (a second click) imports nothing and says why.
    const again = await app.request('/admin/historical-rounds/confirm', formPost(confirmFields(html), adminHeaders))
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('A past round named “2019 national round” has been imported already')
    expect(await historicalCycles()).toHaveLength(1)

    // The round is a record, not a live cycle: nothing to advance or release, and no public participation figures.
    const dashboard = await app.request(`/admin/cycles/${cycle!.id}`, { headers: adminHeaders })
    const page = await dashboard.text()
    expect(page).toContain('A past round imported from its records')
    expect(page).not.toContain('Release reports')
    expect(await (await app.request(`/admin/cycles/${cycle!.id}/reports`, { headers: adminHeaders })).text()).not.toContain('/reports/release')
    expect((await (await app.request('/admin/cycles', { headers: adminHeaders })).text()).replace(/\s+/g, ' ')).toMatch(/2019 national round<\/a><\/td><td><span class="status status-scored">Scored<\/span> ?\(imported\)/)
    expect((await app.request(`/admin/cycles/${cycle!.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(409)
    expect(await (await app.request('/participation')).text()).not.toContain('2019 national round')
    const reopen = await app.request(`/admin/responses/${responseOf(d.id)}/reopen`, formPost({ reason: 'The school found a counting error' }, adminHeaders))
    expect(reopen.status).toBe(409)
    expect(await reopen.text()).toContain('is a record, not a questionnaire')
  })

  test('a school of the imported round sees it in its 2024 report’s trend, marked as imported', async () => {
    const [cycle] = await historicalCycles()
    expect(cycle).toBeDefined()
    const instrument = await storedInstrument(db, 'smm-2024')
    const round = await seedScoringCycle(db, { status: 'closed', title: 'Round 2024', instrumentVersion: 'smm-2024', opensAt: new Date('2024-08-08T00:00:00Z'), disciplines: ['md'] })
    const mine = new Map<string, string>()
    for (const [i, school] of [a, b, d, e, f].entries()) {
      const response = await seedSubmittedResponse(db, { schoolId: school.id, cycleId: round.id, answers: answersAtLevel(instrument, 0.2 * i), submittedAt: new Date('2024-10-01T00:00:00Z') })
      mine.set(school.id, response.id)
    }
    await scoreCycleThroughAdmin(app, db, adminHeaders, round.id)
    expect((await app.request(`/admin/cycles/${round.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(303)

    for (const [school, serviceLearning] of [[a, '100.0'], [d, '40.0']] as const) {
      const leader = await signedIn(db, await seedMember(db, school.id, 'leader'))
      const html = (await (await app.request(`/school/reports/${mine.get(school.id)}`, { headers: leader })).text()).replace(/\s+/g, ' ')
      expect(html).toContain('2019 national round (smm-2019, different version), imported from the 2019 round’s records')
      expect(html).toContain('its results were not certified by a dean here')
      expect(html).toMatch(new RegExp(`<th scope="row">Service-learning</th><td class="num">${serviceLearning.replace('.', '\\.')}</td>`))
      if (school === a) {
        const pdf = await app.request(`/school/reports/${mine.get(school.id)}.pdf`, { headers: leader })
        const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true })
        expect(text.replace(/\s+/g, ' ')).toContain('imported from the 2019 round’s records')
      }
    }
  })

  test('answers of the imported round carry forward; area scores alone do not', async () => {
    const current = await seedResponse(db, c.id)
    const leader = await signedIn(db, await seedMember(db, c.id, 'leader'))
    const page = (await (await app.request(`/school/responses/${current.id}/carry-forward`, { headers: leader })).text()).replace(/\s+/g, ' ')
    expect(page).toContain('Pre-fill from 2019 national round')
    expect((await app.request(`/school/responses/${current.id}/carry-forward`, formPost({}, leader))).status).toBe(303)
    const carried = await db.select({ itemId: answers.itemId, value: answers.value, prefilled: answers.prefilled }).from(answers).where(eq(answers.responseId, current.id))
    expect(carried).toContainEqual({ itemId: 'service-learning.format', value: 'required', prefilled: true })
    expect(carried).toContainEqual({ itemId: 'service-learning.hours', value: { escape: 'dont-know' }, prefilled: true })

    const scoresOnly = await seedResponse(db, g.id)
    const theirs = await signedIn(db, await seedMember(db, g.id, 'leader'))
    expect(await (await app.request(`/school/responses/${scoresOnly.id}/carry-forward`, { headers: theirs })).text()).toContain('has no submitted response from an earlier cycle')
  })

  test('the templates list a version’s item or area ids; the codebook explains the codes', async () => {
    const template = await app.request('/admin/historical-rounds/smm-2019/area-scores-template.csv', { headers: adminHeaders })
    expect(template.headers.get('content-type')).toContain('text/csv')
    expect((await template.text()).trim()).toMatch(/^\uFEFF?school_id,ipeds_unit_id,discipline,school_name,curriculum-ipe,service-learning,/)
    const answersTemplate = await (await app.request('/admin/historical-rounds/smm-2019/answers-template.csv', { headers: adminHeaders })).text()
    expect(answersTemplate).toContain('service-learning.format,service-learning.hours')
    const codebook = await (await app.request('/admin/historical-rounds/smm-2019/codebook', { headers: adminHeaders })).text()
    expect(codebook).toContain('none = No · elective = Yes, elective · required = Yes, required')
    expect((await app.request('/admin/historical-rounds/smm-1999/codebook', { headers: adminHeaders })).status).toBe(404)
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(cycles).where(eq(cycles.kind, 'historical'))
    expect(count[0]!.n).toBe(1)
  })
})
