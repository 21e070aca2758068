import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { openDatabase, type Database } from '../../../src/db/client'
import { adminUrl, databaseUrlFor } from '../../support/postgres-urls'
import { startSmtpPeer, type SmtpPeer } from '../../support/smtp-peer'
import { launchBrowser } from './browser'
import { startServer, type RunningServer } from './server'

export const DEMO_ADMIN = 'admin@demo.socialmissionmetrics.test'
export const DAY = 86_400_000
export const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * For a test file whose story crosses e-mail: Chromium, a real SMTP peer and the app sending to it (queue polled
 * every half second), started before the file's tests and stopped after them. Read the fields inside tests.
 */
export function useMailingServer() {
  const running = {} as { browser: Browser; peer: SmtpPeer; server: RunningServer }
  beforeAll(async () => {
    running.browser = await launchBrowser()
    running.peer = await startSmtpPeer()
    running.server = await startServer({ SMTP_URL: running.peer.url, QUEUE_POLL_SECONDS: '0.5' })
  })
  afterAll(async () => {
    await running.server?.stop()
    await running.peer?.close()
    await running.browser?.close()
  })
  return running
}

/**
 * A page signed in as the demo admin the way a person does it: the address typed on the sign-in page, then the link
 * from the e-mail that crossed SMTP.
 */
export async function signInAsAdminByMail({ browser, peer, server }: { browser: Browser; peer: SmtpPeer; server: RunningServer }): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${server.baseUrl}/sign-in`)
  await page.getByLabel('E-mail address').fill(DEMO_ADMIN)
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click()
  const mail = await peer.waitFor(DEMO_ADMIN, 30_000)
  await page.goto(mail.text!.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)![0])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => page.url()).toBe(`${server.baseUrl}/admin`)
  return page
}

/**
 * `useMailingServer`, with the app on a throwaway PostgreSQL database of its own (created before the file's tests,
 * dropped after), and a connection to it, so a test can seed or read what happens off-screen (PGlite would be locked
 * by the server's process).
 */
export function usePostgresMailingServer(label: string) {
  const pgServer = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const dbName = `smm_e2e_${label}_${randomUUID().slice(0, 8)}`
  const adminQuery = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl(pgServer) })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  const running = {} as { browser: Browser; peer: SmtpPeer; server: RunningServer; database: Database }
  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE ${dbName}`)
    running.browser = await launchBrowser()
    running.peer = await startSmtpPeer()
    running.server = await startServer({ SMTP_URL: running.peer.url, QUEUE_POLL_SECONDS: '0.5', DATABASE_URL: databaseUrlFor(pgServer, dbName) })
    running.database = await openDatabase({ url: databaseUrlFor(pgServer, dbName) })
  })
  afterAll(async () => {
    await running.database?.close()
    await running.server?.stop()
    await running.peer?.close()
    await running.browser?.close()
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  })
  return running
}
