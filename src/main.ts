import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import { serve } from '@hono/node-server'
import type { Logger } from 'pino'
import { ConfigError, devMailboxEnabled, loadConfig, webProcessCount, type Config } from './config'
import { findUserByEmail } from './db/queries/accounts'
import { CLI_OPERATOR } from './domain/policy/roles'
import { createLogger } from './log'
import { databaseAnswers, startRuntime, type Runtime } from './runtime'
import { createSignInLink } from './services/auth/sign-in'
import { AppError } from './services/errors'
import { DEMO_ACCOUNTS } from './services/demo/demo-schools'
import { seedDemoOnce } from './services/demo/seed-demo'
import { importInstrumentDirectory } from './services/instruments/instrument-import'
import { createApp } from './web/app'
import { startWebProcesses } from './web-cluster'

// `npm start`: migrate, seed the demo once, serve, and say where. With WEB_CONCURRENCY above one (PostgreSQL only),
// this first process prepares the database and runs the jobs, and forked web processes serve (decision 168).
async function main() {
  const config = loadConfig()
  const log = createLogger(config)
  if (cluster.isWorker) return serveAsWebProcess(config, log)
  const startedAt = Date.now()
  const { count, note } = webProcessCount(config, availableParallelism())
  if (note) console.log(note)
  const runtime = await startRuntime(config, log, { work: true })
  const { db } = runtime.database
  if (config.seedDemo && (await seedDemoOnce(db, runtime.queue, CLI_OPERATOR, new Date(), config.baseUrl))) console.log('Seeded the demo data.')
  // The questionnaire versions in instruments/ are imported at every start; a bad or changed file stops the start.
  const instruments = await importInstrumentDirectory(db, { kind: 'system', label: 'startup' })
  if (instruments.imported.length > 0) console.log(`Imported instrument versions: ${instruments.imported.join(', ')}.`)

  const ready = async (port: number) => {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`
    const processes = count > 1 ? `; ${count} web processes` : ''
    console.log(`Social Mission Metrics is running at ${config.baseUrl} (database: ${where}${processes}; ready in ${Date.now() - startedAt} ms)`)
    if (port !== config.port) console.log(`(listening on port ${port})`)
    if (devMailboxEnabled(config)) await printDemoSignIn()
  }

  async function printDemoSignIn() {
    const admin = await findUserByEmail(db, DEMO_ACCOUNTS.admin.email)
    if (!admin || admin.programRole !== 'admin') return
    const link = await createSignInLink(db, config.baseUrl, { userId: admin.id, nextPath: '/admin' }, new Date())
    console.log(`Sign in as the demo admin (${admin.email}), link valid 15 minutes:\n  ${link}`)
    console.log(`Other sign-in links arrive in the dev mailbox: ${config.baseUrl}/dev/mailbox`)
  }

  if (count === 1) return serveUntilStopped(config, log, runtime, (port) => void ready(port))
  const web = await startWebProcesses(count, log)
  await ready(web.port)
  stopOnSignal(log, async () => {
    await web.stop()
    await runtime.close()
  })
}

/** A forked web process: the first process has migrated and seeded; this one serves and sends jobs, and runs none. */
async function serveAsWebProcess(config: Config, log: Logger) {
  serveUntilStopped(config, log, await startRuntime(config, log, { work: false }), () => undefined)
}

/** Serves the app on the runtime until a signal, then closes the server and the runtime. */
function serveUntilStopped(config: Config, log: Logger, runtime: Runtime, onListening: (port: number) => void) {
  const app = createApp({ db: runtime.database.db, jobs: runtime.queue, config, checkHealth: () => databaseAnswers(runtime.database), badgeIssuer: runtime.badgeIssuer }, log)
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => onListening(info.port))
  stopOnSignal(log, async () => {
    server.close()
    await runtime.close()
  })
}

function stopOnSignal(log: Logger, close: () => Promise<void>) {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    await close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof AppError ? err.message : err)
  process.exit(1)
})
