import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '../../src/db/schema/accounts'
import { runSmm } from '../support/smm-cli'
import { freshDatabase } from '../support/test-database'

const database = await freshDatabase()
const dataDir = mkdtempSync(join(tmpdir(), 'smm-cli-'))
afterAll(async () => {
  await database.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The operator's command line, run as the operator runs it, on the engine under test. */
function smm(...args: string[]) {
  // On PGlite the CLI opens its own data folder (the test's in-memory copy cannot be shared across processes).
  return runSmm(database.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }, ...args)
}

test('`smm admin create` makes the first admin, who can then be given a sign-in link', { timeout: 120_000 }, async () => {
  const created = await smm('admin', 'create', 'First.Admin@Example.test', '--name', 'First Admin')
  expect(created.stdout).toContain('first.admin@example.test is now a program admin (new account)')
  const link = await smm('sign-in-link', 'first.admin@example.test')
  expect(link.stdout).toMatch(/\/sign-in\/link\?token=[\w-]+/)
  if (database.url) {
    const [row] = await database.db.select().from(users).where(eq(users.email, 'first.admin@example.test'))
    expect(row?.programRole).toBe('admin')
  }
})

test('a malformed address is refused with a message and a failing exit code', async () => {
  await expect(smm('admin', 'create', 'not-an-address')).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('EMAIL must be an e-mail address'),
  })
})

test('an unknown command prints the usage', async () => {
  expect((await smm('frobnicate')).stdout).toContain('admin create EMAIL')
})
