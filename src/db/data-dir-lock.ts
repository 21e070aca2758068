import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// PGlite is a whole PostgreSQL inside one process: two processes opening the same folder would each believe they
// own it and corrupt it. PostgreSQL's own postmaster.pid cannot tell (PGlite writes pid -42), so the app keeps its
// own: the process id of the one process that has the folder open (decision 159).

const LOCK_FILE = 'smm-process.pid'

export class DataDirInUse extends Error {}

/** Claims `dataDir` for this process, or throws when a live process holds it; returns the release. */
export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' })
      return () => releaseDataDir(path)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const holder = holderOf(path)
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new DataDirInUse(
        `The data folder ${dataDir} is in use by process ${holder} (the app or another smm command). ` +
          'PGlite lets one process at a time open it: stop that process first, then try again.',
      )
    }
    rmSync(path, { force: true }) // left by a process that was killed (or by an earlier life of this container)
  }
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' // alive, under another user
  }
  return !isZombie(pid)
}

/**
 * A killed process stays a zombie until its parent reaps it (in a container whose first process does not reap,
 * for a while): it answers signals but has closed every file, so it holds the folder no more than a dead one.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false // no /proc (not Linux): trust the signal
  }
}

function releaseDataDir(path: string) {
  if (holderOf(path) === process.pid) rmSync(path, { force: true })
}
