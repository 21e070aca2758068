import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { insertUser, setProgramRole } from '../../src/db/queries/accounts'
import { createSignInLink } from '../../src/services/auth/sign-in'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { seedAnalysesCycle } from '../support/research-analyses-seed'
import { checkAtWidths, noSidewaysScroll, wcagViolations } from './support/browser'
import { usePostgresMailingServer } from './support/mailing-server'
import type { RunningServer } from './support/server'

// An analyst opens a scored round's aggregate results and instrument quality in Chromium, at desk and phone widths,
// with axe. The server runs on a throwaway PostgreSQL database so the round can be seeded straight into it.

const running = usePostgresMailingServer('research')
let browser: Browser
let server: RunningServer
let database: Database
beforeAll(() => {
  ({ browser, server, database } = running)
})

async function signedInAs(programRole: 'analyst' | 'admin'): Promise<{ page: Page; user: { id: string; email: string } }> {
  const user = (await insertUser(database.db, { email: `${programRole}-${Date.now()}@research.test`, name: `E2E ${programRole}` }))!
  await setProgramRole(database.db, user.id, programRole)
  const page = await (await browser.newContext()).newPage()
  await page.goto(await createSignInLink(database.db, server.baseUrl, { userId: user.id }, new Date()))
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => page.url()).not.toContain('/sign-in')
  return { page, user }
}

const checks = { desk: [wcagViolations], phone: [wcagViolations, noSidewaysScroll] }

describe('the analyst’s aggregate results and instrument quality', () => {
  test('both pages read at 1280 and 390 px without accessibility violations', async () => {
    const { user: admin } = await signedInAs('admin')
    const { cycle } = await seedAnalysesCycle(database.db, admin, await storedInstrument(database.db, 'smm-2024'))
    const { page } = await signedInAs('analyst')

    await page.goto(`${server.baseUrl}/research/cycles/${cycle.id}`)
    await page.getByRole('link', { name: 'Aggregate results' }).click()
    await expect.poll(() => page.getByText(/Overall score: mean \d+\.\d \(SD \d+\.\d\), median \d+\.\d, n = 12/).count()).toBe(1)
    await expect.poll(() => page.getByText('Fewer than 5 schools: not shown').count()).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('img', { name: 'Overall score by discipline' }).count()).toBe(1)
    await page.getByLabel('Score to break down').selectOption({ index: 2 })
    await page.getByRole('button', { name: 'Show' }).click()
    await expect.poll(() => page.url()).toContain('metric=')
    await checkAtWidths(page, 'research-results', checks)

    await page.goto(`${server.baseUrl}/research/cycles/${cycle.id}`)
    await page.getByRole('link', { name: 'Instrument quality' }).click()
    await expect.poll(() => page.getByText('Questions to look at again').count()).toBe(1)
    await expect.poll(async () => (await page.getByText('Nearly everyone answers alike').count()) > 0 && (await page.getByText('Most say don’t know').count()) > 0).toBe(true)
    await checkAtWidths(page, 'research-quality', checks)
  }, 240_000)
})
