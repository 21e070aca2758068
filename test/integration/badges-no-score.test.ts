import { eq } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { responseScores } from '../../src/db/schema/scoring'
import { mailMessages } from '../../src/db/schema/operations'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { issueBadgeForOrder } from '../../src/services/badges/badge-issue'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { seedBadgeOffer, seedBadgeOrder } from '../support/badge-seed'
import { verifyBadgeCredential } from '../support/badge-verifier'
import { pngTextChunks } from '../support/png-text'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'

// A badge never reveals a score: a school with a released report (scores, percentile ranks, quartiles, stars) gets
// a badge, and none of its results appear in any artefact. The credential baked into the PNG verifies as well.

const { app, db, queue, badgeIssuer } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const adminHeaders = await signedIn(db, await seedUser(db, { programRole: 'admin' }))

const cycle = await seedScoringCycle(db, { status: 'closed', title: '2026 national round' })
const schools = []
for (const level of [0.2, 0.4, 0.65, 0.8, 0.9, 1]) {
  const school = await seedScoringSchool(db, { discipline: 'md' })
  const response = await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) })
  schools.push({ school, response })
}
await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
expect((await app.request(`/admin/cycles/${cycle.id}/reports/release`, formPost({}, adminHeaders))).status).toBe(303)
const mine = schools[2]!
const leader = await seedMember(db, mine.school.id, 'leader')
const leaderHeaders = await signedIn(db, leader)

await seedBadgeOffer(db, cycle.id)
const order = await seedBadgeOrder(db, { cycleId: cycle.id, schoolId: mine.school.id })
const issued = await issueBadgeForOrder(db, queue, await badgeIssuer(), order.id)
if (!issued.issued) throw new Error(issued.why)
const { publicId } = issued

const fetchPublicJson = async (url: string) => {
  if (!url.startsWith(`${TEST_ORIGIN}/`)) throw new Error(`not the app's: ${url}`)
  const res = await app.request(url.slice(TEST_ORIGIN.length))
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`)
  return (await res.json()) as object
}

/** The school's own results as its report shows them: scores to one decimal, and the words and glyphs of placement. */
async function resultsOfMySchool() {
  const [scores] = await db.select().from(responseScores).where(eq(responseScores.responseId, mine.response.id))
  const numbers = [scores!.overall, ...Object.values(scores!.areas), ...Object.values(scores!.domains)].filter((n): n is number => n !== null && n > 0)
  const report = (await (await app.request(`/school/reports/${mine.response.id}`, { headers: leaderHeaders })).text())
  // The report really shows them, so their absence below means something.
  expect(report).toContain(scores!.overall!.toFixed(1))
  expect(report).toMatch(/quartile/i)
  expect(report).toMatch(/★/)
  const texts = [...new Set(numbers.map((n) => n.toFixed(1)))]
  expect(() => expectNoResults('the report itself', report, texts)).toThrow() // the check below can fail
  return texts
}

function expectNoResults(where: string, text: string, scoreTexts: string[]) {
  expect(text, where).not.toMatch(/quartile|percentile|\bstars?\b|★|☆/i)
  for (const score of scoreTexts) {
    // A score on its own, not a piece of a longer number or a date ("00.000Z").
    expect(new RegExp(`(?<![\\d.])${score.replace('.', '\\.')}(?![\\d])`).test(text), `${where} shows the score ${score}`).toBe(false)
  }
}

describe('no score in any badge artefact', () => {
  test('the SVG, the PNG’s texts, the credential, the verification page, the directory, the e-mail and the invoice carry no result', async () => {
    const scoreTexts = await resultsOfMySchool()
    expect(scoreTexts.length).toBeGreaterThan(3)

    const svg = await (await app.request(`/badges/${publicId}.svg`)).text()
    const png = Buffer.from(await (await app.request(`/badges/${publicId}.png`)).arrayBuffer())
    const pngTexts = pngTextChunks(png)
    const credential = await (await app.request(`/badges/${publicId}/credential.json`)).text()
    const page = await (await app.request(`/badges/verify/${publicId}`)).text()
    const directory = await (await app.request('/badges')).text()
    const mails = await db.select({ subject: mailMessages.subject, text: mailMessages.textBody, html: mailMessages.htmlBody }).from(mailMessages).where(eq(mailMessages.toAddress, leader.email))
    const badgeMail = mails.find((m) => m.subject.includes('badge is ready'))!
    const invoicePdf = await app.request(`/admin/badges/orders/${order.id}/invoice.pdf`, { headers: adminHeaders })
    expect(invoicePdf.headers.get('content-type')).toBe('application/pdf')
    const invoice = (await extractText(await getDocumentProxy(new Uint8Array(await invoicePdf.arrayBuffer())), { mergePages: true })).text
    expect(invoice).toContain(mine.school.name)

    expect(svg).toContain(mine.school.name)
    expect(directory).toContain(mine.school.name)
    expect(pngTexts.some((t) => t.keyword === 'openbadgecredential')).toBe(true)
    for (const [where, text] of [
      ['SVG', svg], ['PNG texts', pngTexts.map((t) => `${t.keyword} ${t.text}`).join('\n')], ['credential', credential], ['verification page', page],
      ['directory', directory], ['e-mail', `${badgeMail.subject}\n${badgeMail.text}\n${badgeMail.html}`], ['invoice', invoice],
    ] as const) expectNoResults(where, text, scoreTexts)
  })

  test('the credential baked into the PNG is the downloadable one, and both verify with an independent library from public URLs only', async () => {
    const png = Buffer.from(await (await app.request(`/badges/${publicId}.png`)).arrayBuffer())
    const baked = JSON.parse(pngTextChunks(png).find((t) => t.keyword === 'openbadgecredential')!.text) as Record<string, unknown>
    const downloaded = (await fetchPublicJson(`${TEST_ORIGIN}/badges/${publicId}/credential.json`)) as Record<string, unknown>
    expect(baked).toEqual(downloaded)
    expect(await verifyBadgeCredential(baked, fetchPublicJson)).toMatchObject({ verified: true })
    expect(await verifyBadgeCredential(downloaded, fetchPublicJson)).toMatchObject({ verified: true })
    // One changed character anywhere in what was signed, and it fails.
    const tampered = JSON.parse(JSON.stringify(downloaded).replace(mine.school.name, mine.school.name.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x')))) as object
    expect((await verifyBadgeCredential(tampered, fetchPublicJson)).verified).toBe(false)
  })
})
