import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'

const PORT = 3917

/** Spawns `command`, then polls until the home page answers 200; returns the milliseconds that took. */
async function timeToFirstPage(args: string[], env: Record<string, string>): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' })
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/`)
        if (res.status === 200) return performance.now() - started
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 60_000) throw new Error('server did not answer within 60 s')
      await new Promise((r) => setTimeout(r, 25))
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
}

/**
 * `npm start` on an empty data folder to the first page served: create PGlite, migrate, start the queue, seed the
 * demo, listen. Baseline in the same run: a bare Node HTTP server started the same way (process + tsx start-up).
 */
export const startup: Scenario = {
  name: 'startup',
  async run(): Promise<Row[]> {
    const app: number[] = []
    const bare: number[] = []
    for (let i = 0; i < 3; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'smm-bench-start-'))
      try {
        app.push(await timeToFirstPage(['--import', 'tsx', 'src/main.ts'], { DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' }))
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
      bare.push(await timeToFirstPage(['--import', 'tsx', 'bench/scenarios/bare-server.ts'], { PORT: String(PORT) }))
    }
    const appMs = median(app)
    const bareMs = median(bare)
    return [
      { scenario: 'startup', measure: 'empty data folder → first page (median of 3)', value: appMs / 1000, unit: 's', budget: { max: 5 } },
      { scenario: 'startup', measure: 'baseline: bare Node server, same launcher', value: bareMs / 1000, unit: 's' },
      { scenario: 'startup', measure: 'ratio app / baseline', value: appMs / bareMs, unit: '×' },
    ]
  },
}
