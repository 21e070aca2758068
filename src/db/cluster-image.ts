import { createHash, randomUUID } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase, type Database } from './client'

// Creating a PGlite cluster runs initdb in WASM: seconds of CPU, most of a first `npm start`. Opening an existing
// cluster takes a fraction of a second. So the first cluster built on a machine, initialised and migrated but
// holding no data, is kept as a plain folder (the "image"), and an empty data folder starts as a copy of it.
// The image is named by a key over everything that shapes it, so a new PGlite, pg-boss or migration makes a new one.

/** Bump when what goes into an image changes in a way the key's inputs do not show. */
const IMAGE_FORMAT = 1
const IMAGE_PREFIX = 'pglite-cluster-'
const BUILDING_PREFIX = 'building-'
const ABANDONED_BUILD_MS = 3_600_000

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Where images live: node_modules/.cache (per checkout, gone with `rm -rf node_modules`). The variable exists
 * so the start-up benchmark can measure a machine that has no image yet.
 */
export function clusterImageCacheDir(env: Record<string, string | undefined> = process.env): string {
  return env.SMM_CLUSTER_IMAGE_CACHE || join(projectRoot, 'node_modules', '.cache', 'social-mission-metrics')
}

export function installedVersion(packageName: string): string {
  const require = createRequire(import.meta.url)
  let dir = dirname(require.resolve(packageName))
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== packageName) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no package.json found for ${packageName}`)
    dir = parent
  }
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
}

/** A hash over the given labels and every file (name and content) in the given folders. */
export function imageKey(labels: readonly string[], folders: readonly string[]): string {
  const hash = createHash('sha256').update(`format ${IMAGE_FORMAT}\n`)
  for (const label of labels) hash.update(`label ${label}\n`)
  for (const folder of folders) {
    for (const file of filesUnder(folder)) {
      hash.update(`file ${relative(folder, file)}\n`).update(readFileSync(file)).update('\n')
    }
  }
  return hash.digest('hex').slice(0, 20)
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** A data folder PGlite would initialise: missing or empty. Anything else is left to PGlite as it is. */
export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0)
}

/** The image folder could not be created or written (e.g. a read-only node_modules): new data folders run initdb. */
export class ClusterImageUnavailable extends Error {}

export type ImageRecipe = { key: string; prepare: (database: Database) => Promise<void> }

/** The complete image for `key` in `cacheDir`, if this machine has one. */
export function findClusterImage(key: string, cacheDir: string): string | undefined {
  const dir = join(cacheDir, IMAGE_PREFIX + key)
  return existsSync(join(dir, 'PG_VERSION')) ? dir : undefined
}

/**
 * The image folder for `recipe`, built first when missing. A build happens in a private folder renamed into place
 * when complete, so a reader never sees half an image and two builders do not collide. Images of other keys are
 * removed (renamed away first, so a process copying one fails cleanly instead of copying part of it).
 */
export async function ensureClusterImage(recipe: ImageRecipe, cacheDir: string): Promise<{ dir: string; built: boolean }> {
  const found = findClusterImage(recipe.key, cacheDir)
  if (found) return { dir: found, built: false }
  const dir = join(cacheDir, IMAGE_PREFIX + recipe.key)
  let building: string
  try {
    mkdirSync(cacheDir, { recursive: true })
    building = mkdtempSync(join(cacheDir, BUILDING_PREFIX))
  } catch (err) {
    throw new ClusterImageUnavailable(`cannot write the cluster image cache ${cacheDir}: ${(err as Error).message}`)
  }
  try {
    const database = await openDatabase({ dataDir: building })
    try {
      await recipe.prepare(database)
    } finally {
      await database.close()
    }
    try {
      renameSync(building, dir)
    } catch (err) {
      if (!existsSync(join(dir, 'PG_VERSION'))) throw err
      return { dir, built: false } // another process finished the same image first
    }
  } finally {
    rmSync(building, { recursive: true, force: true })
  }
  removeOtherImages(cacheDir, dir)
  return { dir, built: true }
}

function removeOtherImages(cacheDir: string, keep: string) {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name)
    try {
      const abandonedBuild = name.startsWith(BUILDING_PREFIX) && Date.now() - statSync(path).mtimeMs > ABANDONED_BUILD_MS
      if (path === keep || !(name.startsWith(IMAGE_PREFIX) || abandonedBuild)) continue
      const doomed = join(cacheDir, `removing-${randomUUID()}`)
      renameSync(path, doomed)
      rmSync(doomed, { recursive: true, force: true })
    } catch {
      // another process removed it first
    }
  }
}

/**
 * Copies the image into the (missing or empty) data folder: first beside it, then renamed into place, so an
 * interrupted copy never leaves a half cluster where PGlite would look.
 */
export function restoreClusterImage(imageDir: string, dataDir: string): void {
  const target = resolve(dataDir)
  mkdirSync(dirname(target), { recursive: true })
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}-restoring-`))
  try {
    cpSync(imageDir, staging, { recursive: true })
    try {
      renameSync(staging, target) // replaces an empty folder on POSIX
    } catch {
      copyIntoEmptyFolder(staging, target) // e.g. the data folder is a mount point
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

function copyIntoEmptyFolder(source: string, target: string) {
  try {
    cpSync(source, target, { recursive: true })
  } catch (err) {
    for (const name of readdirSync(target)) rmSync(join(target, name), { recursive: true, force: true }) // it was empty
    throw err
  }
}
