import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Defined by bin/server-build.js in the built server only. */
declare const __SMM_BUILT_SERVER__: boolean | undefined

/**
 * Reading and validating the instruments' YAML took ~170 ms of every start, an eighth of a restart (decision 173),
 * and every test seed paid it again. A file's outcome depends only on its text and on the code that reads it, so a
 * good outcome is kept by a hash of name and text: in memory for the process, and, in the built server only, as
 * JSON in the build's own folder for the next start. Any source change rebuilds that folder from empty, so a kept
 * outcome never outlives the code that made it; from sources (tsx, tests) nothing is kept on disk.
 */
const remembered = new Map<string, unknown>()
const diskFolder = typeof __SMM_BUILT_SERVER__ !== 'undefined' ? new URL('../../../dist/server/instrument-cache/', import.meta.url).pathname : null

export function cachedInstrumentFile<T extends object>(name: string, text: string, read: () => T | null): T | null {
  const key = createHash('sha256').update(name).update('\u0000').update(text).digest('hex')
  const known = (remembered.get(key) ?? fromDisk(key)) as T | undefined
  if (known) {
    remembered.set(key, known)
    return known
  }
  const file = read()
  if (file) {
    toDisk(key, file)
    remembered.set(key, deepFreeze(file))
  }
  return file
}

/** One outcome is handed to every caller in the process: frozen, so no caller can change it for the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

function fromDisk(key: string): unknown {
  if (!diskFolder) return undefined
  try {
    return deepFreeze(JSON.parse(readFileSync(join(diskFolder, `${key}.json`), 'utf8')) as unknown)
  } catch {
    return undefined // not kept yet (or unreadable): read the YAML
  }
}

function toDisk(key: string, file: object) {
  if (!diskFolder) return
  try {
    mkdirSync(diskFolder, { recursive: true })
    const partial = join(diskFolder, `${key}.${process.pid}.partial`)
    writeFileSync(partial, JSON.stringify(file))
    renameSync(partial, join(diskFolder, `${key}.json`)) // whole or not at all, even with two processes starting
  } catch {
    // A read-only install still starts; it reads the YAML each time.
  }
}
