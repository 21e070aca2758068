import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './free-port'

const run = promisify(execFile)

export type PrivatePostgres = {
  url: string
  /** `pg_ctl stop -m fast`: open sessions are ended (SQLSTATE 57P01), as in a restart or a failover. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops it at once and removes its files. */
  destroy(): Promise<void>
}

/**
 * A PostgreSQL cluster of the test's own, on a free port in a temporary folder, so a test may stop and restart it
 * without touching the machine's shared server that other tests use. It needs Debian's server binaries
 * (`apt-get install postgresql`, which puts initdb and pg_ctl in /usr/lib/postgresql/N/bin). PostgreSQL refuses to
 * run as root, so as root its commands go through `runuser -u postgres` on a folder that user owns.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBinaries()
  const folder = mkdtempSync(join(tmpdir(), 'smm-private-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(folder, ...postgresIds())
  const pgCommand = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args)
  const data = join(folder, 'data')
  const port = await freePort()
  // fsync off: the test is about the connection going away, not durability, and the disk is shared.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`
  const pgCtl = (...args: string[]) => pgCommand('pg_ctl', ['-D', data, '-w', '-t', '60', ...args])
  await pgCommand('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'])
  const start = async () => void (await pgCtl('-o', options, '-l', join(folder, 'server.log'), 'start'))
  await start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => void (await pgCtl('-m', 'fast', 'stop')),
    start,
    async destroy() {
      await pgCtl('-m', 'immediate', 'stop').catch(() => undefined) // already stopped is fine
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

function serverBinaries(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) {
    throw new Error('This test runs a PostgreSQL server of its own and needs initdb and pg_ctl: apt-get install postgresql (Debian puts them in /usr/lib/postgresql/N/bin).')
  }
  return join(root, newest, 'bin')
}

/** The uid and gid of the `postgres` account that Debian's package creates. */
function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))
  if (!line) throw new Error('Running as root, this test needs the postgres account to run PostgreSQL as: apt-get install postgresql.')
  const [, , uid, gid] = line.split(':')
  return [Number(uid), Number(gid)]
}
