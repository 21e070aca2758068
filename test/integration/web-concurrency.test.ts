import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { startServer, type RunningServer } from '../e2e/support/server'
import { seedUser } from '../support/seed'
import { startSmtpPeer } from '../support/smtp-peer'
import { freshDatabaseForServer } from '../support/test-database'

// WEB_CONCURRENCY (decision 168): the real `npm start` in a child process with two web processes on PostgreSQL.
// Which process answered is read from /metrics, asked over a new connection each time (the cluster hands out
// connections, not requests).

const TOKEN = 'a-metrics-token-for-the-test'
const dataDir = mkdtempSync(join(tmpdir(), 'smm-web-concurrency-'))
const peer = await startSmtpPeer()
afterAll(async () => {
  await peer.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * GET over a connection of its own, so node:cluster may give it to any web process. A connection handed to a
 * process in the instant it was killed is never answered, so each one gives up after a few seconds (and the poll
 * asks again).
 */
function getFresh(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get(url, { agent: false, headers, timeout: 5_000 }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`))).on('error', reject)
  })
}

async function answeringPid(server: RunningServer) {
  const { body } = await getFresh(`${server.baseUrl}/metrics`, { Authorization: `Bearer ${TOKEN}` })
  return Number(body.match(/^smm_web_process\{pid="(\d+)"\} 1$/m)![1])
}

/** The pids seen answering `tries` fresh connections. */
async function answeringPids(server: RunningServer, tries = 8) {
  const pids = new Set<number>()
  for (let i = 0; i < tries; i++) pids.add(await answeringPid(server))
  return pids
}

const parentOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
}
const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

test('with WEB_CONCURRENCY=2 on PostgreSQL two processes answer, a mail is sent once, a killed one is replaced, and SIGTERM stops them all', { timeout: 180_000 }, async () => {
  const { database, serverEnv } = await freshDatabaseForServer(dataDir)
  const user = await seedUser(database.db)
  await database.close() // on PGlite the server's process must own the folder
  const server = await startServer({ ...serverEnv, WEB_CONCURRENCY: '2', METRICS_TOKEN: TOKEN, SMTP_URL: peer.url, SEED_DEMO: 'never' }, { dataDir })
  try {
    if (!serverEnv.DATABASE_URL) {
      // PGlite: one process may open the folder, so one serves whatever was asked, and the start says so.
      expect(server.output()).toContain('WEB_CONCURRENCY=2 is ignored')
      expect((await answeringPids(server)).size).toBe(1)
      return
    }
    expect(server.output()).toContain('2 web processes')
    const pids = await answeringPids(server)
    expect(pids.size).toBe(2)
    const [first, second] = [...pids] as [number, number]
    const primary = parentOf(first)
    expect(parentOf(second)).toBe(primary)

    // A sign-in request is taken by a web process and its mail sent by the one process that runs jobs: once.
    const res = await fetch(`${server.baseUrl}/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
      body: new URLSearchParams({ email: user.email }),
      redirect: 'manual',
    })
    expect(res.status).toBeLessThan(400)
    await peer.waitFor(user.email)
    // A second copy would come from a second job worker polling the same queue: give it the poll interval twice.
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(peer.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(user.email))).toHaveLength(1)

    // A web process that dies is replaced by another under the same first process.
    process.kill(first, 'SIGKILL')
    await expect.poll(async () => [...(await answeringPids(server, 4))].some((pid) => !pids.has(pid)), { timeout: 30_000, interval: 200 }).toBe(true)
    const now = await answeringPids(server)
    expect(now.has(first)).toBe(false)
    for (const pid of now) expect(parentOf(pid)).toBe(primary)

    // SIGTERM to the first process alone stops the web processes too.
    process.kill(primary, 'SIGTERM')
    await expect.poll(() => [primary, ...now].filter(isRunning), { timeout: 20_000, interval: 100 }).toEqual([])
  } finally {
    await server.stop()
  }
})
