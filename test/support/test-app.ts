import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll } from 'vitest'
import { loadConfig, type Config } from '../../src/config'
import { startQueue, type Queue } from '../../src/jobs/queue'
import { databaseAnswers } from '../../src/runtime'
import { badgeIssuerSource, type BadgeIssuerSource } from '../../src/services/badges/badge-issuer'
import { createApp, type App } from '../../src/web/app'
import type { AppDeps } from '../../src/web/context'
import { freshDatabase, type TestDatabase } from './test-database'

export const TEST_ORIGIN = 'http://localhost'

export type TestApp = { app: App; database: TestDatabase; db: TestDatabase['db']; queue: Queue; config: Config; badgeIssuer: BadgeIssuerSource }

/**
 * The real app (real queue, real database) on a fresh database, called without a port through `app.request`.
 * One per test file; it is closed after the file's tests.
 */
export async function testApp(env: Record<string, string> = {}, overrides: Pick<AppDeps, 'stripe'> = {}): Promise<TestApp> {
  const database = await freshDatabase()
  const queue = await startQueue(database, database.url)
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: TEST_ORIGIN, ...env })
  const badgeIssuer = testBadgeIssuer(config.baseUrl)
  const app = createApp(
    { db: database.db, jobs: queue, config, checkHealth: () => databaseAnswers(database), badgeIssuer, ...overrides },
    pino({ level: 'silent' }),
  )
  afterAll(async () => {
    await queue.stop()
    await database.close()
  })
  return { app, database, db: database.db, queue, config, badgeIssuer }
}

/** A badge issuer whose dev key lives in its own temporary folder, never in the repository's data folder. */
export const testBadgeIssuer = (baseUrl: string) =>
  badgeIssuerSource({ baseUrl, dataDir: mkdtempSync(join(tmpdir(), 'smm-badge-key-')), configuredKey: undefined })

/** A form post as a browser on our own page sends it: urlencoded, with our Origin (csrf() checks it). */
export function formPost(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN, ...headers },
    body: new URLSearchParams(fields),
  }
}
