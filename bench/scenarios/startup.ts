import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'
import { PGLITE_START_PARAMS } from '../../src/db/pglite'
import { groupGone } from '../../test/e2e/support/server'

const PORT = 3917
const RUNS = 3
const projectRoot = fileURLToPath(new URL('../..', import.meta.url))
/** The project's own Node (the `node` package) first, as npm puts it for every script. */
const PATH = `${join(projectRoot, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`

/**
 * Runs `npm start` in `cwd`, exactly as a user types it, then polls until `/` answers 200; returns the milliseconds
 * that took. npm runs in its own process group, so stopping it stops the server it started and nothing else; it
 * returns once the whole group is gone.
 */
export async function npmStartToFirstPage(cwd: string, env: Record<string, string>): Promise<number> {
  const started = performance.now()
  const child = spawn('npm', ['start', '--silent'], { cwd, env: { ...process.env, PATH, PORT: String(PORT), LOG_LEVEL: 'warn', ...env }, stdio: 'ignore', detached: true })
  const exited = new Promise((r) => child.once('exit', r))
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/`)
        if (res.status === 200) return performance.now() - started
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode} before serving`)
      if (performance.now() - started > 60_000) throw new Error('npm start did not serve / within 60 s')
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
    await exited
    // npm exits before the server it started has closed: the next start must not find this one still answering.
    await groupGone(child.pid!)
  }
}

/** The baseline: the smallest Node HTTP server, in a package of its own whose `npm start` starts it. */
function bareServerPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smm-bench-bare-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-server', private: true, type: 'module', scripts: { start: 'node server.js' } }))
  writeFileSync(join(dir, 'server.js'), `import { createServer } from 'node:http'\ncreateServer((_req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')\n`)
  return dir
}

/**
 * The floor under any restart on PGlite: a Node process that only opens PGlite on the folder and asks `SELECT 1`,
 * started with `node` directly (no npm); milliseconds until the answer.
 */
function pgliteOnly(dataDir: string): Promise<number> {
  // The app's own settings (db/pglite.ts); the clock stops when SELECT 1 has answered, not when the process has
  // exited: tearing down PGlite's memory is no part of a start.
  const script = "import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create({ dataDir: process.argv[1], startParams: JSON.parse(process.argv[2]) }); await db.query('SELECT 1'); process.stdout.write('ready'); await db.close()"
  const started = performance.now()
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dataDir, JSON.stringify(PGLITE_START_PARAMS)], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] })
  let answeredAfter: number | undefined
  child.stdout.once('data', () => (answeredAfter = performance.now() - started))
  // Waits for the exit all the same, so the next measurement has the machine to itself.
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 && answeredAfter !== undefined ? resolve(answeredAfter) : reject(new Error(`PGlite alone exited with ${code}`)))),
  )
}

/** The app's start-up in `cwd` (a checkout): a first start on an empty data folder, then a restart on it. */
export async function appStarts(cwd: string, env: Record<string, string> = {}): Promise<{ first: number; restart: number; pglite: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'smm-bench-start-'))
  try {
    const first = await npmStartToFirstPage(cwd, { DATA_DIR: dataDir, ...env })
    const restart = await npmStartToFirstPage(cwd, { DATA_DIR: dataDir, ...env })
    return { first, restart, pglite: await pgliteOnly(dataDir) }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** What `npm install` runs last (package.json `prepare`): the server build and the PGlite cluster image. */
function runInstallStep() {
  const done = spawnSync('npm', ['run', '--silent', 'prepare'], { cwd: projectRoot, env: { ...process.env, PATH }, encoding: 'utf8' })
  if (done.status !== 0 || !/PGlite cluster image/.test(done.stdout)) throw new Error(`the install step failed: ${done.stdout}${done.stderr}`)
}

/**
 * `npm start` on an empty data folder to the first page served: the built server (decision 165), the PGlite
 * cluster restored from the image `npm install` prepared, migrations, queue, demo seed, listen; then a restart on
 * the same folder. Also: a machine without a cluster image (installed with --ignore-scripts), where PGlite runs
 * initdb. Baseline in the same run, interleaved run by run: a bare Node HTTP server started by `npm start` too.
 */
export const startup: Scenario = {
  name: 'startup',
  async run(): Promise<Row[]> {
    runInstallStep()
    const bareDir = bareServerPackage()
    const [first, restart, cold, bare, pglite]: [number[], number[], number[], number[], number[]] = [[], [], [], [], []]
    try {
      for (let i = 0; i < RUNS; i++) {
        const app = await appStarts(projectRoot)
        first.push(app.first)
        restart.push(app.restart)
        pglite.push(app.pglite)
        const emptyCache = mkdtempSync(join(tmpdir(), 'smm-bench-image-cache-'))
        try {
          cold.push((await appStarts(projectRoot, { SMM_CLUSTER_IMAGE_CACHE: emptyCache })).first)
        } finally {
          rmSync(emptyCache, { recursive: true, force: true })
        }
        bare.push(await npmStartToFirstPage(bareDir, {}))
      }
    } finally {
      rmSync(bareDir, { recursive: true, force: true })
    }
    const [firstMs, restartMs, coldMs, bareMs, pgliteMs] = [median(first), median(restart), median(cold), median(bare), median(pglite)]
    return [
      { scenario: 'startup', measure: `npm start, empty data folder → first page (cluster image from npm install) (median of ${RUNS})`, value: firstMs / 1000, unit: 's', baseline: bareMs / 1000 },
      { scenario: 'startup', measure: `npm start again on that data folder → first page (median of ${RUNS})`, value: restartMs / 1000, unit: 's', baseline: bareMs / 1000 },
      { scenario: 'startup', measure: `cold: empty data folder, no cluster image on the machine (initdb) (median of ${RUNS})`, value: coldMs / 1000, unit: 's', baseline: bareMs / 1000 },
      { scenario: 'startup', measure: 'baseline: bare Node server, started by npm start too', value: bareMs / 1000, unit: 's' },
      { scenario: 'startup', measure: 'ratio empty folder / baseline', value: firstMs / bareMs, unit: '×', budget: { max: 3 } },
      { scenario: 'startup', measure: 'ratio restart / baseline', value: restartMs / bareMs, unit: '×', budget: { max: 2 } },
      { scenario: 'startup', measure: 'ratio cold / baseline', value: coldMs / bareMs, unit: '×' },
      // What no app code can go below on PGlite: the restart goal (2 × baseline) leaves the app little above it.
      { scenario: 'startup', measure: `floor: a node process that only opens PGlite on that folder (the app's settings) until SELECT 1 answers (median of ${RUNS})`, value: pgliteMs / 1000, unit: 's', baseline: bareMs / 1000 },
      { scenario: 'startup', measure: 'ratio PGlite alone / baseline', value: pgliteMs / bareMs, unit: '×' },
    ]
  },
}
