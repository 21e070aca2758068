import type { Browser, BrowserContextOptions, Cookie, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './server'

/**
 * For a test file that drives the app in Chromium: the browser and the server (with its demo data), started before
 * the file's tests and stopped after them. Read the fields inside tests.
 */
export function useServer(env: Record<string, string> = {}) {
  const running = {} as { browser: Browser; server: RunningServer }
  beforeAll(async () => {
    running.browser = await launchBrowser()
    running.server = await startServer(env)
  })
  afterAll(async () => {
    await running.server?.stop()
    await running.browser?.close()
  })
  return running
}

/**
 * `useServer`, with the demo admin signed in once before the tests through the sign-in link the server printed
 * (it is single use), and `adminPage` to open a page in a new browser context that carries that session.
 */
export function useAdminSession(env: Record<string, string> = {}) {
  const running = useServer(env)
  let session: Cookie[] = []
  beforeAll(async () => {
    const context = await running.browser.newContext()
    const page = await context.newPage()
    await page.goto(running.server.demoAdminLink!)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${running.server.baseUrl}/admin`)
    session = await context.cookies()
    await context.close()
  })
  return Object.assign(running, {
    async adminPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await running.browser.newContext(options)
      await context.addCookies(session)
      return context.newPage()
    },
  })
}
