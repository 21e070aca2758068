import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
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
