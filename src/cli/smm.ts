import { parseArgs } from 'node:util'
import { z } from 'zod'
import { ConfigError, loadConfig, type Config } from '../config'
import { migrateDatabase } from '../db/migrate'
import { findUserByEmail } from '../db/queries/accounts'
import { CLI_OPERATOR, type ProgramRole } from '../domain/policy/roles'
import { createLogger } from '../log'
import { openConfiguredDatabase, startRuntime, type Runtime } from '../runtime'
import { grantProgramRole } from '../services/accounts'
import { createSignInLink } from '../services/auth/sign-in'
import { seedDemoOnce } from '../services/demo/seed-demo'
import { AppError } from '../services/errors'
import { importInstrumentDirectory } from '../services/instruments/instrument-import'

const USAGE = `Social Mission Metrics operator commands (npm run smm -- <command>):

  db migrate                        apply pending database migrations
  admin create EMAIL [--name NAME]  make EMAIL a program admin (creating the account if needed)
  analyst create EMAIL [--name NAME]
                                    make EMAIL a program analyst
  sign-in-link EMAIL                print a one-time sign-in link for an existing account
  seed demo                         add the demo data (once per database)
  instruments import [DIR]          import instrument versions from DIR (default: instruments/)

The database is DATABASE_URL when set, otherwise PGlite in DATA_DIR (./data).`

type Args = { rest: string[]; name: string | undefined; config: Config }
const Email = z.email('EMAIL must be an e-mail address, e.g. smm admin create jane@example.org')

/** Runs `use` on a started runtime (migrated database, queue) and always closes it. */
async function withRuntime<T>(config: Config, use: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await startRuntime(config, createLogger({ logLevel: 'warn' }), { work: false })
  try {
    return await use(runtime)
  } finally {
    await runtime.close()
  }
}

const grant = (role: ProgramRole) => async ({ rest, name, config }: Args) => {
  const email = Email.parse(rest[0])
  const result = await withRuntime(config, (r) => grantProgramRole(r.database.db, CLI_OPERATOR, email, role, name))
  return `${result.email} is now a program ${role}${result.created ? ' (new account)' : ''}. Sign in at ${config.baseUrl}/sign-in`
}

const COMMANDS: Record<string, (args: Args) => Promise<string>> = {
  'db migrate': async ({ config }) => {
    const database = await openConfiguredDatabase(config, createLogger({ logLevel: 'warn' }))
    await migrateDatabase(database)
    await database.close()
    return 'Migrations applied.'
  },
  'admin create': grant('admin'),
  'analyst create': grant('analyst'),
  'sign-in-link': async ({ rest, config }) => {
    const email = Email.parse(rest[0]).toLowerCase()
    return withRuntime(config, async ({ database }) => {
      const user = await findUserByEmail(database.db, email)
      if (!user) throw new Error(`No account for ${email}.`)
      return createSignInLink(database.db, config.baseUrl, { userId: user.id }, new Date())
    })
  },
  'seed demo': ({ config }) =>
    withRuntime(config, async ({ database, queue }) =>
      (await seedDemoOnce(database.db, queue, CLI_OPERATOR, new Date(), config.baseUrl)) ? 'Demo data seeded.' : 'Demo data was already seeded.',
    ),
  'instruments import': ({ rest, config }) =>
    withRuntime(config, async ({ database }) => {
      const { imported, unchanged } = await importInstrumentDirectory(database.db, CLI_OPERATOR, rest[0])
      return `Imported: ${imported.join(', ') || 'none'}. Already present, unchanged: ${unchanged.join(', ') || 'none'}.`
    }),
}

async function run(argv: string[]) {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' } } })
  const two = positionals.slice(0, 2).join(' ')
  const [key, rest] = COMMANDS[two] ? [two, positionals.slice(2)] : [positionals[0] ?? '', positionals.slice(1)]
  const command = COMMANDS[key]
  if (!command) return USAGE
  return command({ rest, name: values.name, config: loadConfig() })
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (err) => {
    console.error(err instanceof ConfigError || err instanceof AppError ? err.message : err instanceof z.ZodError ? err.issues[0]?.message : err)
    process.exit(1)
  },
)
