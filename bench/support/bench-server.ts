import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/**
 * The app as `npm start` runs it (the built server, rebuilt if stale), on the bench database, in its own process
 * (its own core), or in `webProcesses` of them (WEB_CONCURRENCY, decision 168; `pid` is then the first process's),
 * with `env` added to its environment.
 */
export async function startBenchServer(databaseUrl: string, port: number, { webProcesses = 1, env = {} }: { webProcesses?: number; env?: Record<string, string> } = {}) {
  // BENCH_CPU_PROF=folder writes the server's CPU profile there on exit (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []
  const child = spawn(process.execPath, [...profile, 'bin/start.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SEED_DEMO: 'never', LOG_LEVEL: 'warn', NODE_ENV: 'production', WEB_CONCURRENCY: String(webProcesses), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const started = Date.now()
  // A server that did not start (e.g. the port is taken) must not be mistaken for another one answering there.
  let exited = false
  child.once('exit', () => (exited = true))
  for (;;) {
    if (exited) throw new Error(`the bench server exited before it was ready (is port ${port} taken?)`)
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error('bench server did not start')
    await new Promise((r) => setTimeout(r, 50))
  }
  return {
    baseUrl,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** A port no one listens on now, from the system: runs on a shared machine must not collide with each other. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
