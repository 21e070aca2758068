import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { freePort } from '../support/free-port'

const projectRoot = new URL('../..', import.meta.url).pathname

// The README's `npm start` as a user types it: it builds the server when the build is missing or stale, runs the
// built JavaScript, and serves. One start on a fresh PGlite folder without the demo data, to stay lean.
test('npm start runs the built server: it serves compressed pages that link hashed assets, and leaves a current build', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'smm-npm-start-'))
  const port = await freePort()
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', SEED_DEMO: 'never' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: stopping it stops npm and the server, nothing else
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    await expect.poll(() => output, { timeout: 90_000, interval: 100 }).toContain('Social Mission Metrics is running at')
    expect(existsSync(join(projectRoot, 'dist/server/main.js'))).toBe(true)

    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'Accept-Encoding': 'br' } })
    expect(home.status).toBe(200)
    expect(home.headers.get('content-encoding')).toBe('br')
    const html = await home.text() // fetch decodes it
    const css = html.match(/<link rel="stylesheet" href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)?.[1]
    expect(css).toBeDefined()
    const styles = await fetch(`http://127.0.0.1:${port}${css}`)
    expect(styles.status).toBe(200)
    expect(styles.headers.get('cache-control')).toContain('immutable')
    // The built server carries its browser scripts already bundled.
    expect((await fetch(`http://127.0.0.1:${port}/assets/questionnaire.js`)).status).toBe(200)

    const stale = spawnSync(process.execPath, ['--input-type=module', '-e', "console.log(JSON.stringify((await import('./bin/server-build.js')).staleInputs()))"], { cwd: projectRoot, encoding: 'utf8' })
    expect(JSON.parse(stale.stdout)).toEqual([])
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 120_000) // a build first when the sources changed, on a busy machine
