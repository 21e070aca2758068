import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, seriousAxeViolations } from './support/browser'
import { startServer, type RunningServer } from './support/server'
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer'
import { signInAsAdminByMail } from './support/mailing-server'

const DEAN = 'dean@demo.socialmissionmetrics.test'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('with the dev mailbox (no SMTP server configured)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    await server?.stop()
  })

  test('the demo admin signs in from the printed link; a dean signs in through a link read in the dev mailbox', async () => {
    // The operator's console printed a sign-in link for the demo admin.
    expect(server.demoAdminLink).toBeDefined()
    const adminPage = await (await browser.newContext()).newPage()
    await adminPage.goto(server.demoAdminLink!)
    await adminPage.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => adminPage.url()).toBe(`${server.baseUrl}/admin`)
    expect(await adminPage.getByRole('heading', { level: 1 }).textContent()).toBe('Program administration')
    await expect.poll(() => adminPage.getByText('You are signed in.').isVisible()).toBe(true)
    expect(await seriousAxeViolations(adminPage)).toEqual([])
    await adminPage.screenshot({ path: 'test-results/admin-home.png', fullPage: true })

    // A dean asks for a link on the public sign-in page.
    const deanPage = await (await browser.newContext()).newPage()
    await deanPage.goto(`${server.baseUrl}/sign-in`)
    expect(await seriousAxeViolations(deanPage)).toEqual([])
    await deanPage.getByLabel('E-mail address').fill(DEAN)
    await deanPage.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
    await expect.poll(() => deanPage.getByRole('heading', { level: 1 }).textContent()).toBe('Check your e-mail')

    // The message waits in the dev mailbox, which only a program admin may open.
    await adminPage.goto(`${server.baseUrl}/dev/mailbox`)
    expect(await seriousAxeViolations(adminPage)).toEqual([])
    await adminPage.getByRole('row', { name: new RegExp(DEAN) }).getByRole('link').first().click()
    const link = await adminPage.getByRole('link', { name: /\/sign-in\/link\?token=/ }).getAttribute('href')

    await deanPage.goto(link!)
    await deanPage.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => deanPage.getByRole('button', { name: /Sign out/ }).textContent()).toContain(DEAN)
    // A dean is not program staff: the admin console and the mailbox stay closed.
    expect((await deanPage.goto(`${server.baseUrl}/admin`))?.status()).toBe(403)
    expect((await deanPage.goto(`${server.baseUrl}/dev/mailbox`))?.status()).toBe(403)
  })
})

describe('with a real SMTP server', () => {
  let peer: SmtpPeer
  let server: RunningServer
  beforeAll(async () => {
    peer = await startSmtpPeer()
    server = await startServer({ SMTP_URL: peer.url, QUEUE_POLL_SECONDS: '0.5' })
  })
  afterAll(async () => {
    await server?.stop()
    await peer?.close()
  })

  test('the sign-in e-mail crosses SMTP and its link signs the admin in', async () => {
    const page = await signInAsAdminByMail({ browser, peer, server })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Program administration')
  })
})
