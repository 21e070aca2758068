import { serve } from '@hono/node-server'
import { ConfigError, devMailboxEnabled, loadConfig } from './config'
import { findUserByEmail } from './db/queries/accounts'
import { CLI_OPERATOR } from './domain/policy/roles'
import { createLogger } from './log'
import { databaseAnswers, startRuntime } from './runtime'
import { createSignInLink } from './services/auth/sign-in'
import { AppError } from './services/errors'
import { DEMO_ACCOUNTS } from './services/demo/demo-schools'
import { seedDemoOnce } from './services/demo/seed-demo'
import { importInstrumentDirectory } from './services/instruments/instrument-import'
import { createApp } from './web/app'

// `npm start`: migrate, seed the demo once, serve, and say where.
async function main() {
  const config = loadConfig()
  const log = createLogger(config)
  const startedAt = Date.now()
  const runtime = await startRuntime(config, log, { work: true })
  const { db } = runtime.database
  if (config.seedDemo && (await seedDemoOnce(db, runtime.queue, CLI_OPERATOR, new Date(), config.baseUrl))) console.log('Seeded the demo data.')
  // The questionnaire versions in instruments/ are imported at every start; a bad or changed file stops the start.
  const instruments = await importInstrumentDirectory(db, { kind: 'system', label: 'startup' })
  if (instruments.imported.length > 0) console.log(`Imported instrument versions: ${instruments.imported.join(', ')}.`)

  const app = createApp({ db, jobs: runtime.queue, config, checkHealth: () => databaseAnswers(runtime.database), badgeIssuer: runtime.badgeIssuer }, log)
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, async (info) => {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`
    console.log(`Social Mission Metrics is running at ${config.baseUrl} (database: ${where}; ready in ${Date.now() - startedAt} ms)`)
    if (info.port !== config.port) console.log(`(listening on port ${info.port})`)
    if (devMailboxEnabled(config)) await printDemoSignIn()
  })

  async function printDemoSignIn() {
    const admin = await findUserByEmail(db, DEMO_ACCOUNTS.admin.email)
    if (!admin || admin.programRole !== 'admin') return
    const link = await createSignInLink(db, config.baseUrl, { userId: admin.id, nextPath: '/admin' }, new Date())
    console.log(`Sign in as the demo admin (${admin.email}), link valid 15 minutes:\n  ${link}`)
    console.log(`Other sign-in links arrive in the dev mailbox: ${config.baseUrl}/dev/mailbox`)
  }

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    server.close()
    await runtime.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof AppError ? err.message : err)
  process.exit(1)
})
