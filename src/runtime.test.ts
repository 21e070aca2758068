import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { Database } from './db/client'
import { migrationsFolder } from './db/migrate'
import { ClusterImageUnavailable } from './db/cluster-image'
import { openConfiguredDatabase, prepareClusterImage } from './runtime'

const scratch = mkdtempSync(join(tmpdir(), 'smm-runtime-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
afterEach(() => vi.unstubAllEnvs())

const fakeLog = () => ({ warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> }
const journalEntries = (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length

async function appliedMigrations(database: Database): Promise<number> {
  if (database.engine !== 'pglite') throw new Error('expected PGlite')
  const { rows } = await database.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
  return rows[0]!.n
}

async function hasQueueSchema(database: Database): Promise<boolean> {
  if (database.engine !== 'pglite') throw new Error('expected PGlite')
  const { rows } = await database.pglite.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'pgboss' AND table_name = 'version'`)
  return rows.length === 1
}

describe('openConfiguredDatabase on an empty PGlite folder', () => {
  it('starts from the cluster image npm install prepared: migrated, with the queue schema', { timeout: 120_000 }, async () => {
    const cache = join(scratch, 'cache')
    vi.stubEnv('SMM_CLUSTER_IMAGE_CACHE', cache)
    expect((await prepareClusterImage()).built).toBe(true)
    expect((await prepareClusterImage()).built).toBe(false)
    for (const name of ['first', 'second']) {
      const log = fakeLog()
      const database = await openConfiguredDatabase({ databaseUrl: undefined, dataDir: join(scratch, name) }, log)
      try {
        expect(await appliedMigrations(database)).toBe(journalEntries)
        expect(await hasQueueSchema(database)).toBe(true)
      } finally {
        await database.close()
      }
      expect(log.warn).not.toHaveBeenCalled()
    }
    expect(readdirSync(cache)).toHaveLength(1)
  })

  it('initialises the folder from scratch, as before, when this machine has no image', { timeout: 60_000 }, async () => {
    vi.stubEnv('SMM_CLUSTER_IMAGE_CACHE', join(scratch, 'no-cache'))
    const log = fakeLog()
    const database = await openConfiguredDatabase({ databaseUrl: undefined, dataDir: join(scratch, 'fallback') }, log)
    try {
      expect(await hasQueueSchema(database)).toBe(false) // a bare cluster: startRuntime migrates it next
    } finally {
      await database.close()
    }
    expect(log.warn).not.toHaveBeenCalled()
  })
})

describe('prepareClusterImage', () => {
  it('reports, without building, a cache folder that cannot be written', async () => {
    const notAFolder = join(scratch, 'not-a-folder')
    writeFileSync(notAFolder, '')
    await expect(prepareClusterImage(join(notAFolder, 'cache'))).rejects.toBeInstanceOf(ClusterImageUnavailable)
  })
})
