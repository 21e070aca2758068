import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { openDatabase } from '../../src/db/client'
import { migrateDatabase } from '../../src/db/migrate'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { autosaveRetryDelay } from '../../src/domain/response/autosave-retry'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { seedBenchSchools, type BenchSchool } from '../../bench/support/bench-seed'
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres'
import { launchBrowser } from './support/browser'
import { startServer, type RunningServer } from './support/server'

// Fault of a part (issue #20): PostgreSQL stops and starts again while respondents autosave. It runs once, on a
// PostgreSQL cluster of its own (test/support/private-postgres.ts), never on the machine's shared server.
const CLIENTS = 6
const ITEM = 'student-diversity.first-gen-share' // a percentage every md school is asked
const SAVES_AFTER_RESTART = 3

let cluster: PrivatePostgres
let server: RunningServer
let browser: Browser
let schools: BenchSchool[]

beforeAll(async () => {
  cluster = await startPrivatePostgres()
  const database = await openDatabase({ url: cluster.url })
  await migrateDatabase(database)
  await importInstrumentDirectory(database.db, CLI_OPERATOR)
  if (database.engine !== 'postgres') throw new Error('a URL opens PostgreSQL')
  ;({ schools } = await seedBenchSchools(database.pool, CLIENTS + 1, { cycleStatus: 'open', responseStatus: 'in_progress' }))
  await database.close()
  server = await startServer({ DATABASE_URL: cluster.url, SEED_DEMO: 'never', QUEUE_POLL_SECONDS: '0.5' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await cluster?.destroy()
})

/** The app process must stay up throughout: no answer at all fails the test with what the process printed. */
const appFetch = (url: string, init?: RequestInit) =>
  fetch(url, init).catch((err: Error) => {
    throw new Error(`the app gave no answer (${String(err.cause ?? err.message)}); its output:\n${server.output().slice(-3000)}`)
  })

type Reply = { status: number; retryAfter: string | null; body: { ok?: boolean; version?: number; kind?: string; message?: string } }

/**
 * One respondent over HTTP: saves 0, 1, 2, … in sequence, each on the version the last one returned. A refused
 * save is sent again, unchanged, exactly when the page's rule says (domain/response/autosave-retry.ts); a reply
 * that rule does not retry is a failure of the test.
 */
function respondent(school: BenchSchool) {
  const replies: Reply[] = []
  const acknowledged: number[] = []
  let version = 0
  let stopping = false
  const url = `${server.baseUrl}/school/responses/${school.responseId}/answers`
  const headers = { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: `smm_session=${school.sessionToken}` }
  const send = async (value: number): Promise<Reply> => {
    const body = JSON.stringify({ itemId: ITEM, value, note: '', evidenceUrl: '', baseVersion: version })
    const res = await appFetch(url, { method: 'POST', headers, body })
    return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: (await res.json().catch(() => ({}))) as Reply['body'] }
  }
  const running = (async () => {
    for (let value = 0; !stopping; value++) {
      for (let attempt = 1; ; attempt++) {
        const reply = await send(value) // the app process must never go away here, so no answer is a failure
        replies.push(reply)
        if (reply.status === 200 && reply.body.ok) {
          version = reply.body.version!
          acknowledged.push(value)
          break
        }
        const delay = autosaveRetryDelay(reply, attempt)
        if (delay === null) throw new Error(`save ${value} answered ${reply.status} ${JSON.stringify(reply.body)}, which the page would not retry`)
        await new Promise((r) => setTimeout(r, delay))
      }
      await new Promise((r) => setTimeout(r, 100)) // a person's pace, and room on a shared machine
    }
  })()
  let failure: Error | undefined
  running.catch((err: Error) => (failure = err)) // reported by `until` at once, and by `finish`
  return { school, replies, acknowledged, failed: () => failure, version: () => version, finish: () => ((stopping = true), running) }
}

const until = async (what: string, done: () => boolean | Promise<boolean>, clients: { failed: () => Error | undefined }[] = [], ms = 60_000) => {
  const deadline = Date.now() + ms
  while (!(await done())) {
    const failure = clients.map((c) => c.failed()).find(Boolean)
    if (failure) throw failure
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

test('PostgreSQL stops and starts while respondents autosave: the app stays up, refused saves are retried, none is lost or doubled', async () => {
  const pageSchool = schools[CLIENTS]!
  const page = await (await browser.newContext()).newPage()
  await page.context().addCookies([{ name: 'smm_session', value: pageSchool.sessionToken, url: server.baseUrl }])
  await page.goto(`${server.baseUrl}/school/responses/${pageSchool.responseId}/areas/student-diversity`)
  const pageItem = page.locator(`[data-answer="${ITEM}"]`)

  const clients = schools.slice(0, CLIENTS).map(respondent)
  await until('every respondent to save twice', () => clients.every((c) => c.acknowledged.length >= 2), clients)

  await cluster.stop()
  // While the database is away: a page answers 503 with Retry-After (never a 500), health says unavailable, and the
  // questionnaire in Chromium keeps the answer and says it will try again.
  const home = await appFetch(`${server.baseUrl}/school`, { headers: { Cookie: `smm_session=${pageSchool.sessionToken}` } })
  expect(home.status).toBe(503)
  expect(home.headers.get('Retry-After')).toBe('2')
  expect(await home.text()).toContain('We cannot reach our database for a moment')
  expect((await appFetch(`${server.baseUrl}/healthz`)).status).toBe(503)
  await pageItem.locator('input').first().fill('42')
  await pageItem.locator('input').first().blur()
  await expect.poll(() => pageItem.locator('[data-item-status]').textContent(), { timeout: 20_000 }).toContain('Not saved yet')
  await until('every respondent to be refused at least once', () => clients.every((c) => c.replies.some((r) => r.status === 503)), clients)
  const acknowledgedBeforeRestart = clients.map((c) => c.acknowledged.length)
  await cluster.start()

  // The same app process reconnects by itself: every respondent gets on, and the page's own retry lands.
  await until('every respondent to save again after the restart', () =>
    clients.every((c, i) => c.acknowledged.length >= acknowledgedBeforeRestart[i]! + SAVES_AFTER_RESTART), clients,
  )
  await expect.poll(() => pageItem.locator('[data-item-status]').textContent(), { timeout: 20_000 }).toBe('Saved')
  await Promise.all(clients.map((c) => c.finish()))
  expect(server.exited()).toBeNull()
  expect((await appFetch(`${server.baseUrl}/healthz`)).status).toBe(200)

  const replies = clients.flatMap((c) => c.replies)
  expect(replies.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([])
  for (const refused of replies.filter((r) => r.status === 503)) {
    expect(refused.retryAfter).toBe('2')
    expect(refused.body).toMatchObject({ ok: false, kind: 'unavailable' })
  }

  // Every acknowledged save is in the answer's history once, in order, and the answer holds the last one.
  const database = await openDatabase({ url: cluster.url })
  if (database.engine !== 'postgres') throw new Error('a URL opens PostgreSQL')
  try {
    for (const client of clients) {
      const { rows: history } = await database.pool.query<{ value: number }>(
        `SELECT new_value AS value FROM answer_history WHERE response_id = $1 AND item_id = $2 ORDER BY version`,
        [client.school.responseId, ITEM],
      )
      expect(history.map((h) => h.value)).toEqual(client.acknowledged)
      expect(client.acknowledged).toEqual(client.acknowledged.map((_, i) => i))
      const { rows: [answer] } = await database.pool.query<{ value: number; version: number }>(
        `SELECT value, version FROM answers WHERE response_id = $1 AND item_id = $2`,
        [client.school.responseId, ITEM],
      )
      expect(answer).toEqual({ value: client.acknowledged.at(-1), version: client.version() })
    }
    const { rows: pageHistory } = await database.pool.query<{ value: number }>(
      `SELECT new_value AS value FROM answer_history WHERE response_id = $1 AND item_id = $2`,
      [pageSchool.responseId, ITEM],
    )
    expect(pageHistory).toEqual([{ value: 42 }])

    // The queue reconnected too: a sign-in request made now is sent by the mail worker.
    const { rows: [leader] } = await database.pool.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [pageSchool.leaderId])
    const signIn = await appFetch(`${server.baseUrl}/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
      body: new URLSearchParams({ email: leader!.email }),
    })
    expect(signIn.status).toBeLessThan(400)
    await until('the sign-in e-mail to be sent', async () => {
      const { rows } = await database.pool.query(`SELECT 1 FROM mail_messages WHERE to_address = $1 AND status = 'sent'`, [leader!.email])
      return rows.length === 1
    })
  } finally {
    await database.close()
  }
})
