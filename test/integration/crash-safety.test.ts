import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import type { Database } from '../../src/db/client'
import { answerHistory, answers } from '../../src/db/schema/responses'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { seedBenchSchools, type BenchSchool, type SqlRunner } from '../../bench/support/bench-seed'
import { startServer, type RunningServer } from '../e2e/support/server'
import { freshDatabaseForServer } from '../support/test-database'

// Crash safety (issue #20): the real server in a child process, 100 respondents autosaving at once, SIGKILL while
// saves are in flight, a restart on the same data (on PGlite the folder the killed process held), and then every
// save the server acknowledged must be there with its value, and no save may be there by halves.

const RESPONDENTS = 100
const KILL_AFTER_ACKNOWLEDGED = 300 // about three saves each: the kill lands in the middle of the run
const ITEM = 'student-diversity.first-gen-share' // a percentage every md school is asked
const AFTER_RESTART = 99 // the value each respondent saves once the server is back; no save before the kill reaches it

type Respondent = { school: BenchSchool; acknowledged: number; unexpected: string[] }

const dataDir = mkdtempSync(join(tmpdir(), 'smm-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** The questionnaire's autosave as the page's script sends it: the answer and the version it was made on. */
function save(server: RunningServer, school: BenchSchool, value: number, baseVersion: number) {
  return fetch(`${server.baseUrl}/school/responses/${school.responseId}/answers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.baseUrl, Cookie: `smm_session=${school.sessionToken}` },
    body: JSON.stringify({ itemId: ITEM, value, baseVersion }),
  })
}

/**
 * Each respondent saves 1, 2, 3 … in turn, each on the version the previous save returned (so save n makes
 * version n), until the server is gone. Once KILL_AFTER_ACKNOWLEDGED saves are acknowledged, the server is sent
 * SIGKILL at once, with the other respondents' saves still in flight. Resolves with how many were in flight then.
 */
async function autosaveUntilKilled(server: RunningServer, respondents: Respondent[]): Promise<number> {
  let acknowledged = 0
  let inFlight = 0
  let inFlightAtKill = -1
  let killed: Promise<void> | undefined
  await Promise.all(respondents.map(async (r) => {
    for (let n = 1; ; n++) {
      inFlight++
      const res = await save(server, r.school, n, n - 1).catch(() => undefined) // refused or cut off by the kill
      const body = (await res?.json().catch(() => undefined)) as { version?: number } | undefined
      inFlight--
      if (!res || body === undefined) return
      if (res.status !== 200 || body.version !== n) return void r.unexpected.push(`save ${n}: ${res.status} ${JSON.stringify(body)}`)
      r.acknowledged = n
      if (++acknowledged === KILL_AFTER_ACKNOWLEDGED) {
        inFlightAtKill = inFlight
        killed = server.kill()
      }
    }
  }))
  await killed
  return inFlightAtKill
}

test('every autosave acknowledged before a SIGKILL is there with its value after the restart, and none by halves', { timeout: 240_000 }, async () => {
  const { database, serverEnv, reopen } = await freshDatabaseForServer(dataDir)
  await importInstrumentDirectory(database.db, CLI_OPERATOR)
  const runner = (database.engine === 'pglite' ? database.pglite : database.pool) as SqlRunner
  const { schools } = await seedBenchSchools(runner, RESPONDENTS, { cycleStatus: 'open', responseStatus: 'in_progress' })
  await database.close() // the server's process owns the data from here on
  const env = { ...serverEnv, SEED_DEMO: 'never' }

  const first = await startServer(env, { dataDir })
  const respondents: Respondent[] = schools.map((school) => ({ school, acknowledged: 0, unexpected: [] }))
  const inFlightAtKill = await autosaveUntilKilled(first, respondents).finally(() => first.kill())
  expect(respondents.flatMap((r) => r.unexpected)).toEqual([]) // before the kill, every save was acknowledged
  expect(inFlightAtKill).toBeGreaterThan(0) // the kill cut saves off mid-way, not after a quiet moment

  // The restarted server opens the same data (on PGlite: recovers the folder the killed process held) and serves
  // it: a save on the last acknowledged version goes through, unless the save that was in flight landed first.
  const second = await startServer(env, { dataDir })
  const landedInFlight = new Map<string, boolean>()
  try {
    await Promise.all(respondents.map(async (r) => {
      const res = await save(second, r.school, AFTER_RESTART, r.acknowledged)
      const body = (await res.json()) as { theirs?: { value: unknown; version: number } }
      if (res.status === 409) expect(body.theirs, 'a conflict names the save that was in flight').toMatchObject({ value: r.acknowledged + 1, version: r.acknowledged + 1 })
      else expect(res.status).toBe(200)
      landedInFlight.set(r.school.responseId, res.status === 409)
    }))
  } finally {
    await second.stop()
  }

  // What is stored: the answer and its history agree, version by version, with nothing lost and nothing half-done.
  const stored = await reopen()
  try {
    for (const r of respondents) {
      const saved = landedInFlight.get(r.school.responseId) ? r.acknowledged + 1 : r.acknowledged
      const expected = Array.from({ length: saved }, (_, i) => ({ version: i + 1, value: i + 1 }))
      if (!landedInFlight.get(r.school.responseId)) expected.push({ version: saved + 1, value: AFTER_RESTART })
      expect(await historyOf(stored, r.school.responseId), `respondent with ${r.acknowledged} acknowledged saves`).toEqual(expected)
      expect(await answerOf(stored, r.school.responseId)).toEqual(expected.at(-1))
    }
  } finally {
    await stored.close()
  }
})

const historyOf = (database: Database, responseId: string) =>
  database.db.select({ version: answerHistory.version, value: answerHistory.newValue }).from(answerHistory)
    .where(and(eq(answerHistory.responseId, responseId), eq(answerHistory.itemId, ITEM))).orderBy(asc(answerHistory.version))

async function answerOf(database: Database, responseId: string) {
  const [row] = await database.db.select({ version: answers.version, value: answers.value }).from(answers)
    .where(and(eq(answers.responseId, responseId), eq(answers.itemId, ITEM)))
  return row
}
