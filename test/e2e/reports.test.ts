import { randomUUID } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { extractText, getDocumentProxy } from 'unpdf'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { insertUser } from '../../src/db/queries/accounts'
import { insertMembership } from '../../src/db/queries/schools'
import type { SchoolRole } from '../../src/domain/policy/roles'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { answersAtLevel, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import type { SmtpPeer } from '../support/smtp-peer'
import { scrollsSideways, seriousAxeViolations, wcagViolations } from './support/browser'
import type { RunningServer } from './support/server'
import { DEMO_ADMIN, usePostgresMailingServer } from './support/mailing-server'

// The server runs on a throwaway PostgreSQL database, so this test can seed the closed cycle straight into it
// (PGlite would be locked by the server's process).

const running = usePostgresMailingServer('reports')
let browser: Browser
let peer: SmtpPeer
let server: RunningServer
let database: Database
beforeAll(() => {
  ({ browser, peer, server, database } = running)
})

/** The newest sign-in link mail sent to this address (a dean also has the release e-mail in the same inbox). */
const signInMail = (email: string) =>
  peer.received.filter((m) => m.text?.includes('/sign-in/link?') && (m.to && !Array.isArray(m.to) ? m.to.text : '').includes(email)).at(-1)

async function signIn(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  const before = signInMail(email)
  await page.goto(`${server.baseUrl}/sign-in`)
  await page.getByLabel('E-mail address').fill(email)
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
  await expect.poll(() => signInMail(email) !== before && signInMail(email) !== undefined, { timeout: 30_000 }).toBe(true)
  await page.goto(signInMail(email)!.text!.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)![0])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => page.url()).not.toContain('/sign-in')
  return page
}

async function member(schoolId: string, role: SchoolRole, name: string) {
  const user = (await insertUser(database.db, { email: `${role}-${randomUUID().slice(0, 6)}@school.test`, name }))!
  await insertMembership(database.db, { schoolId, userId: user.id, role })
  return user
}

describe('a round from closing to the dean’s board-ready PDF', () => {
  test('the admin scores and releases; the dean reads the report and its PDF; others get 404', async () => {
    // A closed round: six MD schools (the dean's scores highest), answers submitted.
    const db = database.db
    const instrument = await storedInstrument(db, 'smm-2024')
    const title = `Reports round ${randomUUID().slice(0, 4)}`
    const cycle = await seedScoringCycle(db, { status: 'closed', title, disciplines: ['md'] })
    const schools = []
    for (const [i, level] of [0.2, 0.4, 0.4, 0.6, 0.8, 1].entries()) {
      const school = await seedScoringSchool(db, { discipline: 'md', name: `E2E Medical School ${i}` })
      schools.push({ school, response: await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, level) }) })
    }
    const mine = schools[5]!
    const dean = await member(mine.school.id, 'leader', 'Dean Rivera')
    const contributor = await member(mine.school.id, 'contributor', 'Pat Contributor')
    const otherDean = await member(schools[0]!.school.id, 'leader', 'Dean Other')

    // The admin scores (a background job with a progress bar) and releases.
    const admin = await signIn(DEMO_ADMIN)
    await admin.goto(`${server.baseUrl}/admin/cycles/${cycle.id}/reports`)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.getByRole('button', { name: 'Score and freeze norms' }).click()
    // The bar fills without a reload; when scoring is done the panel says so and offers a reload to show the results
    // (a job that finished before the page was drawn shows them at once).
    const release = admin.getByRole('link', { name: 'Release all reports and e-mail the leaders' })
    const reload = admin.getByRole('link', { name: 'Reload the page to see the results' })
    await expect.poll(async () => (await release.count()) + (await admin.getByText('All responses scored.').count()), { timeout: 30_000 }).toBeGreaterThan(0)
    if (await reload.isVisible()) await reload.click()
    await expect.poll(() => admin.getByText('6 responses scored').count()).toBe(1)
    await admin.getByRole('link', { name: 'Release all reports and e-mail the leaders' }).click()
    await expect.poll(() => admin.getByText('6 reports will be released', { exact: false }).isVisible()).toBe(true)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.getByRole('button', { name: 'Release the reports and e-mail the leaders' }).click()
    await expect.poll(() => admin.getByText('6 reports released').count()).toBe(1)
    expect(await seriousAxeViolations(admin)).toEqual([])
    await admin.screenshot({ path: 'test-results/cycle-reports-admin.png', fullPage: true })

    // The dean follows the e-mail, signs in and reads the report.
    const released = await peer.waitFor(dean.email, 30_000)
    const reportLink = released.text!.match(/http:\/\/\S+\/school\/reports\/[\w-]+/)![0]
    const page = await signIn(dean.email)
    await page.goto(reportLink)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${mine.school.name}: ${title}`)
    await expect.poll(() => page.getByText('Instrument smm-2024').count()).toBe(1)
    expect(await page.locator('.figures li', { hasText: 'vs all schools' }).textContent()).toContain('Top quartile')
    await expect.poll(() => page.getByRole('img', { name: /Your score per area/ }).count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await wcagViolations(page)).toEqual([])
    // What the result means comes first, in words, with the group beside it.
    expect(await page.locator('.figures li', { hasText: 'vs all schools' }).locator('p').first().textContent()).toMatch(/^Your school is in the top quartile of all schools/)
    const area = page.locator('details.report-area').first()
    await area.locator('summary').click() // an area's answers unfold
    await expect.poll(() => area.getByText('Answers that earned full points').isVisible()).toBe(true)
    await page.setViewportSize({ width: 1280, height: 900 })
    expect(await scrollsSideways(page)).toBe(false)
    await page.screenshot({ path: 'test-results/report-page.png', fullPage: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/report-top.png' })
    await page.locator('#area-chart-caption').scrollIntoViewIfNeeded()
    await page.locator('figure.chart').screenshot({ path: 'test-results/report-chart.png' })
    // On a phone: nothing scrolls sideways and the chart keeps its text at full size (the SVG is not shrunk).
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await scrollsSideways(page)).toBe(false)
    expect(await page.locator('.chart-svg svg').evaluate((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')))).toBeGreaterThan(0.95)
    expect(await wcagViolations(page)).toEqual([])
    await page.screenshot({ path: 'test-results/report-page-390.png', fullPage: true })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: 'test-results/report-top-390.png' })
    await page.locator('figure.chart').screenshot({ path: 'test-results/report-chart-390.png' })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-header').isVisible()).toBe(false)
    await expect.poll(() => page.locator('figure.chart svg').isVisible()).toBe(true)
    await page.pdf({ path: 'test-results/report-print.pdf' }) // the browser's own print, looked at by eye
    await page.emulateMedia({ media: 'screen' })

    // The PDF, downloaded with the dean's session, says the same.
    const pdf = await page.request.get(`${reportLink}.pdf`)
    expect(pdf.status()).toBe(200)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })
    expect(text).toContain(mine.school.name)
    expect(text).toContain('Top quartile (4 of 4 stars)')
    expect(text).toContain('Your score per area against similar schools')
    expect(text.indexOf('Executive summary')).toBeLessThan(text.indexOf('Appendix: how the comparison works'))

    // A contributor of the same school and a dean of another school cannot reach it.
    for (const email of [contributor.email, otherDean.email]) {
      const other = await signIn(email)
      const res = await other.goto(reportLink)
      expect(res?.status()).toBe(404)
      expect((await other.request.get(`${reportLink}.pdf`)).status()).toBe(404)
    }
  })
})
