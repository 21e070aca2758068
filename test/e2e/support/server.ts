import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../support/free-port'

export type RunningServer = {
  baseUrl: string
  output: () => string
  demoAdminLink: string | undefined
  /** Null while the process runs; its exit code (or signal) once it has ended. */
  exited: () => number | string | null
  /** SIGTERM, as an operator stops it; a data folder this helper made is removed. */
  stop: () => Promise<void>
  /** SIGKILL, as a crash or the OOM killer ends it: no shutdown code runs, and the data folder is left as it was. */
  kill: () => Promise<void>
}

/**
 * The app started by `npm start`, as a user starts it (so the built server is what the tests drive; npm rebuilds it
 * first when a source changed), in its own process group on a free port and a fresh data folder (or the one given,
 * e.g. to restart on what a killed server left; it is then the caller's to remove). Resolves once it prints its address,
 * with the demo admin's sign-in link when it printed one. `PUBLIC_URL: 'http://localhost'` gets the free port added
 * and becomes the address the browser uses (passkeys need a host name, never an IP address).
 */
export async function startServer(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'smm-e2e-'))
  const port = await freePort()
  const onLocalhost = env.PUBLIC_URL === 'http://localhost'
  if (onLocalhost) env = { ...env, PUBLIC_URL: `http://localhost:${port}` }
  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const baseUrl = onLocalhost ? `http://localhost:${port}` : `http://127.0.0.1:${port}`
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
    const check = setInterval(() => {
      const ready = output.includes('is running at') && (output.includes('dev mailbox') || env.SMTP_URL || env.SEED_DEMO === 'never')
      if (ready) {
        clearInterval(check)
        clearTimeout(timer)
        resolve()
      }
    }, 50)
    child.once('exit', (code) => {
      clearInterval(check)
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid!, signal) // npm and the server it started
    await exited
    await groupGone(child.pid!)
  }
  return {
    baseUrl,
    output: () => output,
    exited: () => child.exitCode ?? child.signalCode,
    demoAdminLink: output.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)?.[0],
    async stop() {
      await end('SIGTERM')
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
    kill: () => end('SIGKILL'),
  }
}

/**
 * Waits until no process of the group runs any more: npm exits before the server it started has finished dying,
 * and a restart on the same data must not race the old server (zombies, which hold nothing, count as gone).
 */
export async function groupGone(pgid: number) {
  const alive = () =>
    readdirSync('/proc').some((pid) => {
      if (!/^\d+$/.test(pid)) return false
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        return Number(group) === pgid && state !== 'Z'
      } catch {
        return false // ended while we looked
      }
    })
  for (let waited = 0; alive() && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
}
