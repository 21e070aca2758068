import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

const { app, db } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
const schools = [] as Awaited<ReturnType<typeof seedScoringSchool>>[]
for (let i = 0; i < 5; i++) schools.push(await seedScoringSchool(db, { discipline: 'md' }))
const mine = schools[0]!
const leader = await seedMember(db, mine.id, 'leader')
const leaderHeaders = await signedIn(db, leader)

/** A released cycle of the five schools; `mine` answers at `level`, the others at fixed levels. */
async function releasedCycle(title: string, instrumentVersion: string, opensAt: string, level: number) {
  const instrument = await storedInstrument(db, instrumentVersion)
  const cycle = await seedScoringCycle(db, { status: 'closed', title, instrumentVersion, opensAt: new Date(opensAt), disciplines: ['md'] })
  let mineResponse = ''
  for (const [i, school] of schools.entries()) {
    const response = await seedSubmittedResponse(db, {
      schoolId: school.id, cycleId: cycle.id, instrumentVersion, answers: answersAtLevel(instrument, i === 0 ? level : 0.2 * i), submittedAt: new Date(opensAt),
    })
    if (i === 0) mineResponse = response.id
  }
  await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
  expect((await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(303)
  return mineResponse
}

const first = await releasedCycle('Round 2019', 'smm-2019', '2024-01-10T00:00:00Z', 0.4)
const second = await releasedCycle('Round 2026', 'smm-2024', '2026-01-10T00:00:00Z', 0.4)

describe('trend and action plan across cycles', () => {
  test('the first report has no trend yet', async () => {
    expect(await (await app.request(`/school/reports/${first}`, { headers: leaderHeaders })).text()).toContain('its trend starts here')
  })
  test('the next report shows the earlier cycle through the crosswalk, marked as a different version', async () => {
    const html = await (await app.request(`/school/reports/${second}`, { headers: leaderHeaders })).text()
    expect(html).toContain('Round 2019 (smm-2019, different version)')
    expect(html).toContain('the instruments differ')
  })
  test('a target set after one cycle appears beside the next cycle’s result', async () => {
    expect((await app.request(`/school/reports/${second}/plan`, formPost({ 'target-advocacy': '90', 'actions-advocacy': 'Protected time for advocacy' }, leaderHeaders))).status).toBe(303)
    const third = await releasedCycle('Round 2027', 'smm-2024', '2027-01-10T00:00:00Z', 1)
    const html = await (await app.request(`/school/reports/${third}`, { headers: leaderHeaders })).text()
    expect(html).toContain('Target set last cycle')
    expect(html).toMatch(/<th scope="row">Advocacy and activism<\/th><td>[^<]+<\/td><td class="num">100\.0<\/td><td class="num">90 \(met\)<\/td>/)
    const pdf = await app.request(`/school/reports/${third}.pdf`, { headers: leaderHeaders })
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true })
    expect(text.replace(/\s+/g, ' ')).toContain('Round 2019 (smm-2019, different version)')
    expect(text).toMatch(/Advocacy and activism 100\.0 90 /)
  })
})
