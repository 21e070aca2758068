import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { itemsOf } from '../../src/domain/instrument/instrument-model'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

// What a dean reads in the report: what the result means before any label, the group beside each result, the
// answers behind each area, how the comparison works, plan errors at the top, and the same order in a tagged PDF.

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

// Six MD schools (ours in the middle, at level 0.6) and three dental ones, scored and released.
const cycle = await seedScoringCycle(db, { status: 'closed' })
type Seeded = { school: Awaited<ReturnType<typeof seedScoringSchool>>; response: Awaited<ReturnType<typeof seedSubmittedResponse>> }
const md: Seeded[] = []
for (const level of [0.2, 0.4, 0.6, 0.8, 0.9, 1]) {
  const school = await seedScoringSchool(db, { discipline: 'md' })
  md.push({ school, response: await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) }) })
}
const dental: Seeded[] = []
for (const level of [0.3, 0.5, 0.7]) {
  const school = await seedScoringSchool(db, { discipline: 'dental' })
  dental.push({ school, response: await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) }) })
}
await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
expect((await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(303)
const mine = md[2]!
const headers = await signedIn(db, await seedMember(db, mine.school.id, 'leader'))
const page = async (responseId = mine.response.id, h = headers) => (await app.request(`/school/reports/${responseId}`, { headers: h })).text()
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/\s+/g, ' ')

describe('the report page', () => {
  test('says what the overall result means in a sentence before the quartile label, with the group’s size and median', async () => {
    const text = textOf(await page())
    const sentence = /Your school is in the (top|second|third|fourth) quartile of all schools: [a-z ]+ of them scored higher\./.exec(text)
    expect(sentence).not.toBeNull()
    const summary = text.slice(text.indexOf('Summary'))
    expect(summary.indexOf(sentence![0])).toBeLessThan(summary.indexOf(`quartile vs all schools`))
    expect(summary).toMatch(/Group: 9 schools, median \d+\.\d/)
    expect(summary).toMatch(/Group: 6 schools, median \d+\.\d/) // the MD discipline
  })
  test('a school whose discipline has fewer than 5 schools is told so plainly, without the count', async () => {
    const leader = await signedIn(db, await seedMember(db, dental[1]!.school.id, 'leader'))
    const text = textOf(await page(dental[1]!.response.id, leader))
    expect(text).toContain('Fewer than 5 schools of your discipline have a score, so there are not enough schools to compare with.')
    expect(text).toContain('Group: fewer than 5 schools')
    expect(text).not.toMatch(/Group: 3 schools/)
  })
  test('each area lists the answers that earned full points and those that earned none, with the question and the answer', async () => {
    const html = await page()
    // At level 0.6 every yes/no question is answered "yes" (full points) and tables are left empty (no points).
    const yesNo = itemsOf(instrument).find(({ item }) => item.kind === 'yes-no' && item.scored)!
    const area = html.slice(html.indexOf(`id="area-${yesNo.area.id}"`), html.indexOf('</details>', html.indexOf(`id="area-${yesNo.area.id}"`)))
    const full = textOf(area.slice(area.indexOf('Answers that earned full points'), area.indexOf('Answers that earned no points') >= 0 ? area.indexOf('Answers that earned no points') : undefined))
    expect(full).toContain(`${yesNo.item.text} Your answer: Yes`)
    const table = itemsOf(instrument).find(({ item }) => item.kind === 'table' && item.scored && (item.disciplines ?? ['md']).includes('md') && !item.showIf)
    if (table) {
      const tableArea = html.slice(html.indexOf(`id="area-${table.area.id}"`))
      const none = textOf(tableArea.slice(tableArea.indexOf('Answers that earned no points'), tableArea.indexOf('</details>')))
      expect(none).toContain(`${table.item.text} Your answer: (no answer)`)
    }
  })
  test('explains how the comparison works: groups, the 5-school rule, percentile rank, stars and frozen norms', async () => {
    const text = textOf(await page())
    const methods = text.slice(text.indexOf('How the comparison works'))
    for (const part of ['Groups', 'At least 5 schools', 'Percentile rank', 'Quartiles and stars', 'Frozen norms']) expect(methods).toContain(part)
    expect(methods).toMatch(/norms snapshot of \d{4}-\d{2}-\d{2}/)
  })
  test('puts the action plan before the areas, and a mistake in it at the top of the page, linked to its field', async () => {
    const text = textOf(await page())
    expect(text.indexOf('Action plan')).toBeLessThan(text.indexOf('Score and stars per area'))
    const res = await app.request(`/school/reports/${mine.response.id}/plan`, formPost({ 'target-advocacy': 'lots', 'actions-advocacy': 'Fund it' }, headers))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/<title>Error: Report/)
    const summary = html.indexOf('There is a problem')
    expect(summary).toBeGreaterThan(-1)
    expect(summary).toBeLessThan(html.indexOf('<h1'))
    expect(html).toContain('<a href="#target-advocacy">')
    expect(html).toContain('value="lots"')
    expect(html).toContain('aria-invalid="true"')
  })
})

describe('the report PDF', () => {
  test('is a tagged PDF in the page’s order: executive summary, areas, methods appendix, action plan', async () => {
    const res = await app.request(`/school/reports/${mine.response.id}.pdf`, { headers })
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const raw = Buffer.from(bytes).toString('latin1')
    if (process.env.REPORT_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.REPORT_PDF_OUT, bytes)
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/) // pdfinfo reads this as "Tagged: yes"
    expect(raw).toContain('/Marked true')
    expect(raw).toContain('/StructTreeRoot')
    expect(raw).toMatch(/\/S \/Figure/)
    expect(raw).toMatch(/\/S \/TH/)
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
    const at = (s: string) => {
      const i = text.indexOf(s)
      expect(i, s).toBeGreaterThan(-1)
      return i
    }
    expect(at('Executive summary')).toBeLessThan(at('Your score per area against similar schools'))
    expect(at('Your score per area against similar schools')).toBeLessThan(at('What drove each area’s score'))
    expect(at('What drove each area’s score')).toBeLessThan(at('Appendix: how the comparison works'))
    expect(at('Appendix: how the comparison works')).toBeLessThan(at('Action plan'))
    expect(text).toMatch(/Your school is in the (top|second|third|fourth) quartile of all schools/)
    expect(text).toContain('Answers that earned full points')
  })
})
