import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { openDatabase, type Database } from './client'
import { ClusterImageUnavailable, ensureClusterImage, imageKey, isEmptyFolder, restoreClusterImage } from './cluster-image'

const scratch = mkdtempSync(join(tmpdir(), 'smm-cluster-image-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let n = 0
const freshDir = (name: string) => join(scratch, `${name}-${n++}`)

async function tablesOf(database: Database): Promise<string[]> {
  if (database.engine !== 'pglite') throw new Error('expected PGlite')
  const { rows } = await database.pglite.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  return rows.map((r) => r.tablename)
}

describe('imageKey', () => {
  const folder = freshDir('migrations')
  mkdirSync(join(folder, 'meta'), { recursive: true })
  writeFileSync(join(folder, '0000_a.sql'), 'CREATE TABLE a ();')
  writeFileSync(join(folder, 'meta', '_journal.json'), '{}')

  it('is stable for the same labels and files', () => {
    expect(imageKey(['pglite 1'], [folder])).toBe(imageKey(['pglite 1'], [folder]))
  })

  it('changes with a label, a file’s content or a new file', () => {
    const before = imageKey(['pglite 1'], [folder])
    expect(imageKey(['pglite 2'], [folder])).not.toBe(before)
    writeFileSync(join(folder, '0000_a.sql'), 'CREATE TABLE a (id int);')
    const edited = imageKey(['pglite 1'], [folder])
    expect(edited).not.toBe(before)
    writeFileSync(join(folder, 'meta', '0001_snapshot.json'), '{}')
    expect(imageKey(['pglite 1'], [folder])).not.toBe(edited)
  })
})

describe('isEmptyFolder', () => {
  it('is true for a missing or empty folder only', () => {
    const dir = freshDir('data')
    expect(isEmptyFolder(dir)).toBe(true)
    mkdirSync(dir)
    expect(isEmptyFolder(dir)).toBe(true)
    writeFileSync(join(dir, 'PG_VERSION'), '17')
    expect(isEmptyFolder(dir)).toBe(false)
  })
})

describe('cluster images', () => {
  it('are built once, copied into new data folders and replace images of other keys', { timeout: 120_000 }, async () => {
    const cacheDir = freshDir('cache')
    mkdirSync(join(cacheDir, 'pglite-cluster-older'), { recursive: true })
    const prepare = vi.fn(async (database: Database) => {
      await database.db.execute('CREATE TABLE greeting (words text)')
    })

    const first = await ensureClusterImage({ key: 'k1', prepare }, cacheDir)
    const second = await ensureClusterImage({ key: 'k1', prepare }, cacheDir)
    expect(first).toEqual({ dir: join(cacheDir, 'pglite-cluster-k1'), built: true })
    expect(second).toEqual({ dir: first.dir, built: false })
    expect(prepare).toHaveBeenCalledTimes(1)
    expect(readdirSync(cacheDir)).toEqual(['pglite-cluster-k1'])

    const missing = freshDir('data')
    const empty = freshDir('data')
    mkdirSync(empty)
    for (const dataDir of [missing, empty]) {
      restoreClusterImage(first.dir, dataDir)
      const database = await openDatabase({ dataDir })
      try {
        expect(await tablesOf(database)).toEqual(['greeting'])
        await database.db.execute(`INSERT INTO greeting VALUES ('hello')`)
      } finally {
        await database.close()
      }
    }
    // Each data folder is a copy: writing to one changed neither the image nor the other.
    const image = await openDatabase({ dataDir: first.dir })
    try {
      if (image.engine !== 'pglite') throw new Error('expected PGlite')
      expect((await image.pglite.query('SELECT * FROM greeting')).rows).toEqual([])
    } finally {
      await image.close()
    }
    expect(readdirSync(scratch).filter((name) => name.includes('restoring'))).toEqual([])
  })

  it('leave no image behind when preparing fails', { timeout: 60_000 }, async () => {
    const cacheDir = freshDir('cache')
    const failing = { key: 'k2', prepare: async () => Promise.reject(new Error('migration failed')) }
    await expect(ensureClusterImage(failing, cacheDir)).rejects.toThrow('migration failed')
    expect(readdirSync(cacheDir)).toEqual([])
  })

  it('are unavailable, not an error, when the cache folder cannot be written', async () => {
    const notAFolder = freshDir('file')
    writeFileSync(notAFolder, '')
    const prepare = vi.fn(async () => {})
    await expect(ensureClusterImage({ key: 'k3', prepare }, join(notAFolder, 'cache'))).rejects.toBeInstanceOf(ClusterImageUnavailable)
    expect(prepare).not.toHaveBeenCalled()
  })
})
