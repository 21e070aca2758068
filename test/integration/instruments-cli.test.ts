import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import { freshDatabase } from '../support/test-database'

const run = promisify(execFile)
const database = await freshDatabase()
const dataDir = mkdtempSync(join(tmpdir(), 'smm-cli-instruments-'))
afterAll(async () => {
  await database.close()
  rmSync(dataDir, { recursive: true, force: true })
})
const smm = (...args: string[]) => {
  const env = { ...process.env, ...(database.url ? { DATABASE_URL: database.url } : { DATA_DIR: dataDir }), NODE_ENV: 'test' }
  return run(process.execPath, ['--import', 'tsx', 'src/cli/smm.ts', ...args], { env })
}

test('`smm instruments import` imports the shipped versions once, then reports them unchanged', async () => {
  expect((await smm('instruments', 'import')).stdout).toContain('Imported: smm-2019, smm-2024.')
  expect((await smm('instruments', 'import')).stdout).toContain('Already present, unchanged: smm-2019, smm-2024.')
})

test('a folder with an invalid file fails with the file, line and item named', async () => {
  await expect(smm('instruments', 'import', 'test/fixtures/instruments')).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('broken.yaml:14 (item area-one.follow-up): showIf reads area-one.nope'),
  })
})
