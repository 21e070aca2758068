import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openDatabase } from '../../src/db/client'
import { migrateDatabase } from '../../src/db/migrate'
import { createSignInLink } from '../../src/services/auth/sign-in'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'
import { checkAtWidths, launchBrowser, noSidewaysScroll, wcagViolations } from './support/browser'
import { startServer, type RunningServer } from './support/server'

// The team is seeded straight into the database before the server starts (one PGlite process at a time): a
// leader, a coordinator and a contributor assigned to "Recognition", every required question already answered.
let browser: Browser
let server: RunningServer
let dataDir: string
let w: Awaited<ReturnType<typeof seedWorkspace>>
const tokens: Record<'leader' | 'coordinator' | 'contributor' | 'contributor2' | 'leaderNoJs' | 'leaderSubmit', string> = { leader: '', coordinator: '', contributor: '', contributor2: '', leaderNoJs: '', leaderSubmit: '' }

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'smm-e2e-workspace-'))
  const database = await openDatabase({ dataDir })
  await migrateDatabase(database)
  w = await seedWorkspace(database.db, { contributorAreas: ['recognition'] })
  await answerAllRequired(database.db, w.responseId, w.leader, w.school.id)
  const token = async (userId: string) => new URL(await createSignInLink(database.db, 'http://x', { userId }, new Date())).searchParams.get('token')!
  tokens.leader = await token(w.leader.id)
  tokens.coordinator = await token(w.coordinator.id)
  tokens.contributor = await token(w.contributor.id)
  tokens.contributor2 = await token(w.contributor.id)
  tokens.leaderNoJs = await token(w.leader.id)
  tokens.leaderSubmit = await token(w.leader.id)
  await database.close()
  browser = await launchBrowser()
  server = await startServer({ DATA_DIR: dataDir })
})
afterAll(async () => {
  await server?.stop()
  await browser?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

async function signIn(who: keyof typeof tokens, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${server.baseUrl}/sign-in/link?token=${tokens[who]}`)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${server.baseUrl}/school`)
  if (javaScriptEnabled) return page
  // A context without JavaScript, signed in with the same session cookie.
  const noJs = await browser.newContext({ javaScriptEnabled: false })
  await noJs.addCookies(await context.cookies())
  await context.close()
  return noJs.newPage()
}
/**
 * At 1280 and 390 px: no sideways scrolling, a full-page screenshot of each, and axe clean at every impact on the
 * WCAG 2.2 AA rules.
 */
const looksRight = (page: Page, name: string) =>
  checkAtWidths(page, name, { desk: [noSidewaysScroll], phone: [noSidewaysScroll, wcagViolations] }, { desk: 900, phone: 900 })
const area = (areaId: string) => `${server.baseUrl}/school/responses/${w.responseId}/areas/${areaId}`
const itemStatus = (page: Page, itemId: string) => page.locator(`[data-answer="${itemId}"] [data-item-status]`)

test('two colleagues edit different areas at once and both saves land; on the same item the second sees the conflict', async () => {
  const leader = await signIn('leader')
  const coordinator = await signIn('coordinator')
  await looksRight(leader, 'workspace-my-school')
  await leader.getByRole('link', { name: 'Answer the questions' }).click()
  await leader.waitForURL(`${server.baseUrl}/school/responses/${w.responseId}`) // not the page being left
  await looksRight(leader, 'workspace-overview')

  await leader.goto(area('pathway-programs'))
  await coordinator.goto(area('holistic-admissions'))
  const budget = leader.getByRole('group', { name: /recurring line in the school's budget/ })
  await budget.getByLabel('Yes', { exact: true }).check()
  const holistic = coordinator.locator('[data-answer="holistic-admissions.mission-criteria"]')
  await holistic.getByLabel('Yes', { exact: true }).first().check()
  await expect.poll(() => itemStatus(leader, 'pathway-programs.budget-line').textContent()).toBe('Saved')
  await expect.poll(() => itemStatus(coordinator, 'holistic-admissions.mission-criteria').textContent()).toBe('Saved')
  await expect.poll(() => leader.locator('[data-page-status]').textContent()).toBe('All changes saved')

  // The gate question opens its follow-ups live, and progress follows.
  const followUp = leader.getByLabel('With how many K-12 schools or districts does the school have an active pathway partnership?')
  expect(await followUp.isVisible()).toBe(false)
  const before = await leader.locator('[data-progress="area"] [data-progress-text]').textContent()
  await leader.getByRole('group', { name: /run or co-run at least one pathway program/ }).getByLabel('Yes', { exact: true }).check()
  await expect.poll(() => followUp.isVisible()).toBe(true)
  expect(await leader.locator('[data-progress="area"] [data-progress-text]').textContent()).not.toBe(before)
  await followUp.fill('4')
  await expect.poll(() => itemStatus(leader, 'pathway-programs.k12-partnerships').textContent()).toBe('Saved')
  expect(await leader.locator('[data-followup]').textContent()).toContain('follow-up question')
  // The save status never covers the question a link or focus scrolls to.
  const covered = await leader.evaluate(() => {
    document.getElementById('pathway-programs.budget-line')!.scrollIntoView()
    return document.getElementById('pathway-programs.budget-line')!.closest('.item')!.getBoundingClientRect().top < document.querySelector('[data-page-status]')!.getBoundingClientRect().bottom
  })
  expect(covered).toBe(false)
  await looksRight(leader, 'workspace-questionnaire')

  // Both saves landed: each sees the other's answer after a reload.
  await coordinator.goto(area('pathway-programs'))
  expect(await coordinator.getByRole('group', { name: /recurring line in the school's budget/ }).getByLabel('Yes', { exact: true }).isChecked()).toBe(true)
  await leader.goto(area('holistic-admissions'))
  expect(await leader.locator('[data-answer="holistic-admissions.mission-criteria"]').getByLabel('Yes', { exact: true }).first().isChecked()).toBe(true)

  // Same item: the coordinator changes it first; the leader's page is stale and gets a choice, not an overwrite.
  await leader.goto(area('pathway-programs'))
  await coordinator.getByRole('group', { name: /recurring line in the school's budget/ }).getByLabel('No', { exact: true }).check()
  await expect.poll(() => itemStatus(coordinator, 'pathway-programs.budget-line').textContent()).toBe('Saved')
  const leaderBudget = leader.locator('[data-answer="pathway-programs.budget-line"]')
  await leaderBudget.getByText('Note and evidence link').click()
  await leaderBudget.getByLabel('Note for your team (optional)').fill('Budget line since 2021')
  await expect.poll(() => leaderBudget.locator('[data-conflict]').textContent()).toContain('Their answer: No')
  // Leaving the note field (focus moves to "Keep mine") sends its change once more; it ends in the same conflict.
  await expect.poll(() => leader.locator('[data-page-status]').textContent()).toContain('Not saved')
  await leader.screenshot({ path: 'test-results/workspace-conflict.png' })
  await leaderBudget.getByRole('button', { name: 'Keep mine' }).click()
  await expect.poll(() => itemStatus(leader, 'pathway-programs.budget-line').textContent()).toBe('Saved')
})

test('a contributor opens only their area and never sees a score', async () => {
  const contributor = await signIn('contributor')
  await contributor.getByRole('link', { name: 'Answer the questions', exact: true }).click()
  const overview = (await contributor.content()).toLowerCase()
  expect(overview).not.toContain('score')
  expect(await contributor.getByRole('link', { name: 'Pathway programs' }).count()).toBe(0)
  const refused = await contributor.goto(area('pathway-programs'))
  expect(refused!.status()).toBe(403)
  const own = await contributor.goto(area('recognition'))
  expect(own!.status()).toBe(200)
  expect((await contributor.content()).toLowerCase()).not.toContain('score')
  expect((await contributor.goto(`${server.baseUrl}/school/responses/${w.responseId}/history`))!.status()).toBe(403)
})

test('without JavaScript an area saves with one button, and a bad number comes back beside the field with what was typed', async () => {
  const page = await signIn('leaderNoJs', false)
  page.setDefaultTimeout(8000)
  await page.goto(area('student-diversity'))
  await page.screenshot({ path: 'test-results/workspace-nojs.png' })
  const share = page.getByLabel(/first in their family/).first()
  await share.fill('140')
  await page.getByRole('button', { name: 'Save answers' }).click()
  expect(await page.locator('.error-summary').textContent()).toContain('A percentage is between 0 and 100.')
  expect(await share.inputValue()).toBe('140')
  expect(await share.getAttribute('aria-invalid')).toBe('true')
  await page.locator('.error-summary a').first().click()
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('student-diversity.first-gen-share')
  await page.screenshot({ path: 'test-results/workspace-nojs-error.png' })
  await share.fill('38')
  await page.getByRole('button', { name: 'Save answers' }).click()
  expect(await page.locator('.flash').textContent()).toContain('Answers saved.')
  expect(await page.getByLabel(/first in their family/).first().inputValue()).toBe('38')
})

test('the dean checks the answers, certifies and submits; a confirmation page offers a PDF copy and the response locks', async () => {
  const leader = await signIn('leaderSubmit')
  await leader.goto(`${server.baseUrl}/school/responses/${w.responseId}/review`)
  await looksRight(leader, 'workspace-check-answers')
  // Opening the pathway follow-ups earlier left required questions open: the list links straight to them.
  await leader.locator('#blockers a').first().click()
  await leader.getByRole('group', { name: /run or co-run at least one pathway program/ }).getByLabel('No', { exact: true }).check()
  await expect.poll(() => itemStatus(leader, 'pathway-programs.has-programs').textContent()).toBe('Saved')
  await leader.goto(`${server.baseUrl}/school/responses/${w.responseId}/review`)
  await expect.poll(() => leader.getByText('Every required question is answered').isVisible()).toBe(true)
  await leader.getByRole('button', { name: 'Submit the response' }).click()
  await expect.poll(() => leader.locator('.error-summary').getByRole('link', { name: 'Type your full name to certify.' }).isVisible()).toBe(true)
  await leader.getByLabel('Your full name').fill('Dr. Dana Dean')
  await leader.getByLabel(/I certify that these answers are accurate/).check()
  await leader.getByRole('button', { name: 'Submit the response' }).click()
  await leader.waitForURL(`${server.baseUrl}/school/responses/${w.responseId}/submitted`)
  await expect.poll(() => leader.getByRole('heading', { name: 'Answers submitted' }).isVisible()).toBe(true)
  await looksRight(leader, 'workspace-confirmation')
  const copy = await leader.request.get(`${server.baseUrl}/school/responses/${w.responseId}/answers.pdf`)
  expect(copy.headers()['content-type']).toBe('application/pdf')
  expect((await copy.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await leader.goto(area('pathway-programs'))
  await expect.poll(() => leader.getByText('This response has been submitted and is locked.').isVisible()).toBe(true)
  expect(await leader.getByRole('button', { name: 'Save answers' }).count()).toBe(0)
  expect(await leader.locator('[data-progress="area"] [data-progress-text]').textContent()).toBe('2 of 2 questions answered')
  await leader.screenshot({ path: 'test-results/workspace-locked.png' })
  await leader.goto(`${server.baseUrl}/school`)
  await expect.poll(() => leader.getByRole('link', { name: 'Download a copy of the submitted answers (PDF)' }).isVisible()).toBe(true)
})

test('the questionnaire page stays within its budget: at most 8 requests, 40 KiB of gzipped script, 100 KiB gzipped in all', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const sign = await signIn('contributor2')
  await context.addCookies(await sign.context().cookies())
  const urls: string[] = []
  page.on('request', (r) => void urls.push(r.url()))
  await page.goto(area('recognition'))
  expect(urls.length).toBeLessThanOrEqual(8)
  let script = 0
  let total = 0
  for (const url of urls) {
    const body = Buffer.from(await (await context.request.get(url)).body())
    const zipped = gzipSync(body).length
    total += zipped
    if (url.endsWith('.js')) script += zipped
  }
  console.info(`questionnaire page: ${urls.length} requests, ${script} B gzipped script, ${total} B gzipped in all`)
  expect(script).toBeLessThanOrEqual(40 * 1024)
  expect(total).toBeLessThanOrEqual(100 * 1024)
})
