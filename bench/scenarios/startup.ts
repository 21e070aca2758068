import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'

const PORT = 3917
const RUNS = 3

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

/** `npm start` on a new, empty data folder; `env` may point the cluster image cache elsewhere. */
async function appStart(env: Record<string, string> = {}): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smm-bench-start-'))
  try {
    return await timeToFirstPage(['--import', 'tsx', 'src/main.ts'], { DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', ...env })
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** What `npm install` runs last (package.json `prepare`): the PGlite cluster image, built unless already cached. */
function runInstallStep() {
  const done = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/prepare-cluster-image.ts'], { encoding: 'utf8' })
  if (done.status !== 0 || !done.stdout.startsWith('PGlite cluster image')) throw new Error(`the install step failed: ${done.stdout}${done.stderr}`)
}

/**
 * `npm start` on an empty data folder to the first page served: restore (or create) the PGlite cluster, migrate,
 * start the queue, seed the demo, listen. Measured as a newcomer gets it after the README's `npm install && npm
 * start` (the install step leaves the cluster image in node_modules/.cache), and cold: a machine without an image
 * (installed with --ignore-scripts, or migrations added since), where PGlite runs initdb as it always did.
 * Baseline in the same run: a bare Node HTTP server started the same way (process + tsx start-up).
 */
export const startup: Scenario = {
  name: 'startup',
  async run(): Promise<Row[]> {
    runInstallStep()
    const app: number[] = []
    const cold: number[] = []
    const bare: number[] = []
    for (let i = 0; i < RUNS; i++) {
      app.push(await appStart())
      const emptyCache = mkdtempSync(join(tmpdir(), 'smm-bench-image-cache-'))
      try {
        cold.push(await appStart({ SMM_CLUSTER_IMAGE_CACHE: emptyCache }))
      } finally {
        rmSync(emptyCache, { recursive: true, force: true })
      }
      bare.push(await timeToFirstPage(['--import', 'tsx', 'bench/scenarios/bare-server.ts'], { PORT: String(PORT) }))
    }
    const [appMs, coldMs, bareMs] = [median(app), median(cold), median(bare)]
    return [
      { scenario: 'startup', measure: `empty data folder → first page, after npm install (cluster image cached) (median of ${RUNS})`, value: appMs / 1000, unit: 's', budget: { max: 5 } },
      { scenario: 'startup', measure: `cold: empty data folder, no cluster image on the machine (initdb) (median of ${RUNS})`, value: coldMs / 1000, unit: 's' },
      { scenario: 'startup', measure: 'baseline: bare Node server, same launcher', value: bareMs / 1000, unit: 's' },
      { scenario: 'startup', measure: 'ratio app (image cached) / baseline', value: appMs / bareMs, unit: '×' },
      { scenario: 'startup', measure: 'ratio cold / baseline', value: coldMs / bareMs, unit: '×' },
    ]
  },
}
