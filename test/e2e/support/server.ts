import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../support/free-port'

export type RunningServer = { baseUrl: string; output: () => string; demoAdminLink: string | undefined; stop: () => Promise<void> }

/**
 * The app started by `npm start`, as a user starts it (so the built server is what the browser tests drive; npm
 * rebuilds it first when a source changed), in its own process group on a fresh data folder and a free port.
 * Resolves once it prints its address, with the demo admin's sign-in link when it printed one.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smm-e2e-'))
  const port = await freePort()
  const child: ChildProcess = spawn('npm', ['start', '--silent'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))

  const baseUrl = `http://127.0.0.1:${port}`
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
  return {
    baseUrl,
    output: () => output,
    demoAdminLink: output.match(/http:\/\/\S+\/sign-in\/link\?token=[\w-]+/)?.[0],
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      process.kill(-child.pid!, 'SIGTERM') // npm and the server it started
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
