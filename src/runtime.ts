import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Config } from './config'
import { openDatabase, type Database } from './db/client'
import { migrateDatabase } from './db/migrate'
import { startQueue, type Queue } from './jobs/queue'
import { startWorkers } from './jobs/workers'
import { createMailTransport } from './mail/transport'

export type Runtime = { database: Database; queue: Queue; close: () => Promise<void> }

/** Opens and migrates the database and starts the queue; with `work`, this process also runs the jobs. */
export async function startRuntime(config: Config, log: Logger, { work }: { work: boolean }): Promise<Runtime> {
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir })
  await migrateDatabase(database)
  const queue = await startQueue(database, config.databaseUrl)
  const transport = createMailTransport(config.smtpUrl)
  if (work) {
    await startWorkers(queue, {
      db: database.db,
      transport,
      mailFrom: config.mailFrom,
      pollSeconds: config.queuePollSeconds,
      baseUrl: config.baseUrl,
      jobs: queue,
    })
  }
  log.debug({ engine: database.engine }, 'runtime started')
  return {
    database,
    queue,
    async close() {
      await queue.stop()
      transport.close()
      await database.close()
    },
  }
}

export async function databaseAnswers(database: Database): Promise<boolean> {
  await database.db.execute(sql`select 1`)
  return true
}
