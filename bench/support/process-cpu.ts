import { readFileSync } from 'node:fs'
import type pg from 'pg'

const TICK_MS = 10 // USER_HZ is 100 on Linux (`getconf CLK_TCK`)

/** CPU milliseconds (user + system) a process has used so far, from /proc; 0 if it is gone. */
export function processCpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces, so count fields after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** The same for a process and its children (the web processes a clustered server forked), as they are now. */
export function processTreeCpuMs(pid: number): number {
  return processCpuMs(pid) + childPids(pid).reduce((sum, child) => sum + processTreeCpuMs(child), 0)
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

/** The PostgreSQL backends serving one database (the server runs on this machine). */
export async function databaseBackendPids(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
  return rows.map((r) => r.pid)
}

/**
 * Where the machine's CPU goes during a phase: the load generator (this process), the app server's processes (the
 * one started and its children) and the database backends. Read at both ends of a phase; backends that are new at the end count from zero.
 */
export function cpuMeter(serverPids: readonly number[], backendPids: () => Promise<number[]>) {
  const read = async () => {
    const backends = new Map((await backendPids()).map((pid) => [pid, processCpuMs(pid)]))
    return { self: process.cpuUsage(), server: serverPids.reduce((sum, pid) => sum + processTreeCpuMs(pid), 0), backends }
  }
  return async <T>(phase: () => Promise<T>) => {
    const before = await read()
    const out = await phase()
    const after = await read()
    let database = 0
    for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0)
    const self = process.cpuUsage(before.self)
    return { out, cpu: { loadGenerator: (self.user + self.system) / 1000, server: after.server - before.server, database } }
  }
}
