import { parseArgs } from 'node:util'
import { z } from 'zod'
import { ConfigError, loadConfig, type Config } from '../config'
import { BadBackupFile } from '../db/backup/backup-file'
import { DatabaseNotEmpty, restoreBackup } from '../db/backup/restore-backup'
import { writeBackup } from '../db/backup/write-backup'
import type { Database } from '../db/client'
import { isEmptyFolder } from '../db/cluster-image'
import { DataDirInUse } from '../db/data-dir-lock'
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
  backup FILE                       write every row of the database to FILE (plain SQL; see docs/operations.md)
  restore FILE [--force]            load a backup into an empty database (--force: replace what is there)

The database is DATABASE_URL when set, otherwise PGlite in DATA_DIR (./data).`

type Args = { rest: string[]; name: string | undefined; force: boolean; config: Config }
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

/** Runs `use` on the configured database, opened without a queue, and always closes it. */
async function withDatabase<T>(config: Config, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config, createLogger({ logLevel: 'warn' }))
  try {
    return await use(database)
  } finally {
    await database.close()
  }
}

const fileArgument = (rest: string[], command: string) => {
  if (!rest[0]) throw new BadBackupFile(`Say which file: smm ${command} FILE`)
  return rest[0]
}

const COMMANDS: Record<string, (args: Args) => Promise<string>> = {
  'db migrate': ({ config }) => withDatabase(config, migrateDatabase).then(() => 'Migrations applied.'),
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
  backup: async ({ rest, config }) => {
    const file = fileArgument(rest, 'backup')
    // An empty PGlite folder would be given a fresh cluster: say there is nothing there instead.
    if (!config.databaseUrl && isEmptyFolder(config.dataDir)) throw new BadBackupFile(`There is no database in ${config.dataDir} to back up.`)
    const { tables, rows, schema } = await withDatabase(config, (database) => writeBackup(database, file))
    return `Backed up ${rows} rows of ${tables} tables (schema ${schema}) to ${file}.`
  },
  restore: ({ rest, force, config }) => {
    const file = fileArgument(rest, 'restore')
    return withDatabase(config, async (database) => {
      await migrateDatabase(database)
      const r = await restoreBackup(database, file, { replace: force })
      return (
        `Restored ${r.rows} rows of ${r.tables} tables from ${file} (taken ${r.takenAt} on ${r.engine}, schema ${r.schema})` +
        `${r.replaced ? ', replacing the data that was there' : ''}. Jobs that were waiting in the queue are not part of a backup.`
      )
    })
  },
}

/** Errors whose message is the whole story for the operator (anything else prints its stack). */
const OPERATOR_ERRORS = [ConfigError, AppError, DataDirInUse, BadBackupFile, DatabaseNotEmpty]

async function run(argv: string[]) {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { name: { type: 'string' }, force: { type: 'boolean', default: false } } })
  const two = positionals.slice(0, 2).join(' ')
  const [key, rest] = COMMANDS[two] ? [two, positionals.slice(2)] : [positionals[0] ?? '', positionals.slice(1)]
  const command = COMMANDS[key]
  if (!command) return USAGE
  return command({ rest, name: values.name, force: values.force, config: loadConfig() })
}

run(process.argv.slice(2)).then(
  (message) => console.log(message),
  (err) => {
    console.error(OPERATOR_ERRORS.some((kind) => err instanceof kind) ? err.message : err instanceof z.ZodError ? err.issues[0]?.message : err)
    process.exit(1)
  },
)
