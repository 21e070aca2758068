import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { responseScores } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { describeScores } from '../../src/domain/research/descriptives'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { RESEARCH_SCHOOLS, seedAnalysesCycle } from '../support/research-analyses-seed'
import { seedScoringCycle } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)
const analyst = await seedUser(db, { programRole: 'analyst', name: 'Ana Lyst' })
const analystHeaders = await signedIn(db, analyst)
const { cycle, certified, alike, dontKnow } = await seedAnalysesCycle(db, admin, instrument)
const base = `/research/cycles/${cycle.id}`

const get = async (path: string, headers = analystHeaders) => {
  const res = await app.request(path, { headers })
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') }
}

/** The true overall scores of the certified schools matching `pick`, in seed order. */
async function trueOverall(pick: (s: (typeof RESEARCH_SCHOOLS)[number]) => boolean) {
  const ids = certified.filter((_, i) => pick(RESEARCH_SCHOOLS[i]!))
  const rows = await db.select({ id: responseScores.responseId, overall: responseScores.overall }).from(responseScores).where(inArray(responseScores.responseId, ids))
  return rows.map((r) => r.overall!)
}

/**
 * The figures of a group that could be worked back from totals (mean, SD), at the precision the page and CSV use.
 * Median and quartiles are order statistics: each is some school's score (or between two), which another group's
 * quartile may equal by chance, so they are checked through the marks in the group's own row instead.
 */
async function hiddenFigures(pick: (s: (typeof RESEARCH_SCHOOLS)[number]) => boolean) {
  const d = describeScores(await trueOverall(pick))!
  const values = [d.mean, d.sd!]
  return { page: values.map((v) => v.toFixed(1)), csv: values.map((v) => v.toFixed(2)) }
}

const cellsOf = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','))

describe('aggregate results of a cycle with small cells', () => {
  test('the summary comes first, from the twelve certified schools (the uncertified response counts nowhere)', async () => {
    const page = await get(`${base}/results`)
    expect(page.status).toBe(200)
    const all = describeScores(await trueOverall(() => true))!
    expect(page.text).toContain(`Overall score: mean ${all.mean.toFixed(1)} (SD ${all.sd!.toFixed(1)}), median ${all.median.toFixed(1)}, n = 12`)
  })

  test('a lone small group shows the mark, the next smallest is withheld, and neither group’s figures appear anywhere', async () => {
    const page = await get(`${base}/results?metric=overall`)
    const csv = await get(`${base}/results/results.csv`)
    expect(csv.type).toContain('text/csv')
    const rows = cellsOf(csv.text)
    const row = (breakdown: string, group: string) => rows.find((r) => r[0] === 'overall' && r[3] === breakdown && r[4] === group)!
    // Control: private 3 (small), public 9 withheld so the total cannot give the private schools away.
    expect(row('control', 'Private').slice(5)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5'])
    expect(row('control', 'Public').slice(5)).toEqual(Array(6).fill('suppressed'))
    expect(page.text).toContain('Fewer than 5 schools: not shown')
    expect(page.text).toContain('Not shown, to protect a small group')
    for (const pick of [(s: (typeof RESEARCH_SCHOOLS)[number]) => s.control === 'private', (s: (typeof RESEARCH_SCHOOLS)[number]) => s.control === 'public']) {
      const figures = await hiddenFigures(pick)
      // Every cell of the overall score's rows (other scores' rows hold other numbers, which may match by chance).
      const overallCells = rows.filter((r) => r[0] === 'overall').flat()
      for (const f of figures.csv) expect(overallCells).not.toContain(f)
      const controlSection = page.text.slice(page.text.indexOf('id="bd-control"'), page.text.indexOf('id="bd-carnegie"'))
      for (const f of figures.page) expect(controlSection).not.toContain(`>${f}<`)
    }
  })

  test('two small Carnegie groups protect each other; the one shown group has no comparison', async () => {
    const rows = cellsOf((await get(`${base}/results/results.csv`)).text)
    const row = (group: string) => rows.find((r) => r[0] === 'overall' && r[3] === 'carnegie' && r[4] === group)!
    expect(row('R1: very high research')[5]).toBe('5')
    expect(row('R2: high research')[5]).toBe('<5')
    expect(row('Special focus')[5]).toBe('<5')
    for (const pick of [(s: (typeof RESEARCH_SCHOOLS)[number]) => s.carnegieGroup === 'r2', (s: (typeof RESEARCH_SCHOOLS)[number]) => s.carnegieGroup === 'special-focus']) {
      for (const f of (await hiddenFigures(pick)).csv) expect(rows.filter((r) => r[0] === 'overall').flat()).not.toContain(f)
    }
  })

  test('the group test appears only where two or more groups are shown (discipline: 7 and 5)', async () => {
    const page = await get(`${base}/results?metric=overall`)
    const section = (id: string, next?: string) => page.text.slice(page.text.indexOf(`id="bd-${id}"`), next ? page.text.indexOf(`id="bd-${next}"`) : undefined)
    expect(section('discipline', 'control')).toContain('Kruskal–Wallis test across the 2 groups shown (12 schools)')
    expect(section('control', 'carnegie')).toContain('No group comparison')
    expect(section('carnegie')).toContain('No group comparison')
    const tests = cellsOf((await get(`${base}/results/group-tests.csv`)).text)
    expect(tests.filter((r) => r[0] === 'overall').map((r) => r[2])).toEqual(['Discipline'])
  })

  test('each breakdown has a box plot with a text alternative; hidden groups are named, not drawn', async () => {
    const page = await get(`${base}/results?metric=overall`)
    expect(page.text).toContain('<figcaption id="box-discipline-caption">Overall score by discipline</figcaption>')
    expect(page.text).toContain('fewer than 5 schools: not drawn')
    expect(page.text).toMatch(/<svg role="img" aria-labelledby="box-control-title box-control-desc"/)
  })

  test('an unknown score to break down comes back as the page with a message (422)', async () => {
    const page = await get(`${base}/results?metric=nonsense`)
    expect(page.status).toBe(422)
    expect(page.text).toContain('Choose a score from the list.')
  })

  test('every download is audited with the actor, the cycle, the kind and the rows', async () => {
    const csv = cellsOf((await get(`${base}/results/results.csv`)).text)
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'research.aggregates-downloaded'), eq(auditEvents.actorUserId, analyst.id), eq(auditEvents.subject, cycle.id)))
    expect(events.at(-1)!.details).toEqual({ kind: 'results', rows: csv.length - 1 })
  })

  test('a cycle not yet scored says why and offers nothing', async () => {
    const closed = await seedScoringCycle(db, { status: 'closed' })
    const page = await get(`/research/cycles/${closed.id}/results`)
    expect(page.text).toContain('has closed but is not scored yet')
    expect((await get(`/research/cycles/${closed.id}/results/results.csv`)).status).toBe(409)
  })
})

describe('instrument quality', () => {
  test('flags the question everyone answers alike and the one most schools do not know', async () => {
    const page = await get(`${base}/quality`)
    expect(page.status).toBe(200)
    const row = (id: string) => page.text.slice(page.text.indexOf(`<tr id="item-${id}"`), page.text.indexOf('</tr>', page.text.indexOf(`<tr id="item-${id}"`)))
    expect(row(alike.id)).toContain('Nearly everyone answers alike (“Yes”)')
    expect(row(dontKnow.id)).toContain('Most say don’t know')
    expect(row(dontKnow.id)).toContain('67%') // 8 of 12
    const items = cellsOf((await get(`${base}/quality/quality-items.csv`)).text)
    expect(items.find((r) => r[0] === dontKnow.id)!.at(-1)).toBe('dont-know')
  })

  test('alpha is shown per area with its number of complete cases', async () => {
    const page = await get(`${base}/quality`)
    expect(page.text).toMatch(/Cronbach’s alpha: <strong>-?\d\.\d\d<\/strong> · \d+ scored questions · n = 12 complete cases/)
    const areas = cellsOf((await get(`${base}/quality/quality-areas.csv`)).text)
    expect(areas[0]).toEqual(['area_id', 'scored_items', 'cronbach_alpha', 'complete_cases'])
  })

  test('option counts under 5 carry the mark in the page and the CSV, never the count', async () => {
    const answers = cellsOf((await get(`${base}/quality/quality-answers.csv`)).text)
    // The "don't know" question: 8 don't know, 4 yes → yes is small; no (0) and not answered (0) are small too.
    const counts = Object.fromEntries(answers.filter((r) => r[0] === dontKnow.id).map((r) => [r[1], r[3]]))
    expect(counts).toMatchObject({ yes: '<5', no: '<5', 'dont-know': '8', missing: '<5' })
    expect(answers.every((r, i) => i === 0 || !['1', '2', '3', '4'].includes(r[3]!))).toBe(true)
  })
})

describe('who may see the analyses', () => {
  test('analysts and admins reach both pages; a school leader and an anonymous visitor do not', async () => {
    for (const path of [`${base}/results`, `${base}/quality`, `${base}/results/results.csv`, `${base}/quality/quality-items.csv`]) {
      expect((await get(path, analystHeaders)).status).toBe(200)
      expect((await get(path, adminHeaders)).status).toBe(200)
    }
    const leader = await seedMember(db, (await db.select().from(responseScores).where(eq(responseScores.cycleId, cycle.id)))[0]!.schoolId, 'leader')
    const leaderHeaders = await signedIn(db, leader)
    for (const path of [`${base}/results`, `${base}/quality`, `${base}/results/results.csv`]) {
      const asLeader = await get(path, leaderHeaders)
      expect(asLeader.status).toBe(403)
      expect(asLeader.text).not.toContain('Overall score: mean')
      const anonymous = await get(path, {})
      expect([401, 302, 303]).toContain(anonymous.status)
      expect(anonymous.text).not.toContain('Overall score: mean')
    }
  })
})
