import { sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Config } from './config'
import { openDatabase, type Database } from './db/client'
import {
  clusterImageCacheDir,
  ensureClusterImage,
  findClusterImage,
  imageKey,
  installedVersion,
  isEmptyFolder,
  restoreClusterImage,
  type ImageRecipe,
} from './db/cluster-image'
import { claimDataDir } from './db/data-dir-lock'
import { migrateDatabase, migrationsFolder } from './db/migrate'
import { unavailableReason } from './db/unavailable'
import { installQueueSchema, startQueue, type Queue } from './jobs/queue'
import { startWorkers } from './jobs/workers'
import { createMailTransport } from './mail/transport'
import { badgeIssuerSource, type BadgeIssuerSource } from './services/badges/badge-issuer'

export type Runtime = { database: Database; queue: Queue; badgeIssuer: BadgeIssuerSource; close: () => Promise<void> }

/** Opens and migrates the database and starts the queue; with `work`, this process also runs the jobs. */
export async function startRuntime(config: Config, log: Logger, { work }: { work: boolean }): Promise<Runtime> {
  const badgeIssuer = badgeIssuerSource({ baseUrl: config.baseUrl, dataDir: config.dataDir, configuredKey: config.badgeSigningKey })
  const database = await openConfiguredDatabase(config, log)
  // A process that serves and works signs badges: its key is loaded at start, beside the migrations, so a malformed
  // BADGE_SIGNING_KEY stops the start rather than the first badge (decision 127). CLI commands skip it. Only once the
  // database is open: the dev key lives in DATA_DIR, which must still be empty when a PGlite cluster is restored.
  const issuerReady = work ? badgeIssuer() : undefined
  issuerReady?.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled
  await migrateDatabase(database)
  const queue = await startQueue(database, config.databaseUrl, (err) => {
    const outage = unavailableReason(err)
    if (outage) log.warn({ reason: outage }, 'the job queue cannot reach the database; it keeps trying')
    else log.error({ err }, 'job queue error')
  })
  const transport = createMailTransport(config.smtpUrl, { replyTo: config.mailReplyTo })
  if (work) {
    await issuerReady
    await startWorkers(queue, {
      db: database.db,
      transport,
      mailFrom: config.mailFrom,
      pollSeconds: config.queuePollSeconds,
      baseUrl: config.baseUrl,
      jobs: queue,
      badgeIssuer,
      reportPdfWorkers: config.reportPdfWorkers,
    })
  }
  log.debug({ engine: database.engine }, 'runtime started')
  return {
    database,
    queue,
    badgeIssuer,
    async close() {
      await queue.stop()
      transport.close()
      await database.close()
    },
  }
}

/**
 * The database `config` names. A missing or empty PGlite folder starts as a copy of this machine's cluster image
 * (an empty, migrated cluster that `npm install` prepares; see db/cluster-image.ts). Without an image for the
 * current migrations, or when it cannot be copied, PGlite initialises the folder itself, as it always did.
 * One process at a time opens a PGlite folder: another that has it open is named in a DataDirInUse error.
 */
export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    return openDatabase({ url: config.databaseUrl }, (err) => log.warn({ err: err.message }, 'the database ended an idle connection; a new one opens when needed'))
  }
  const image = isEmptyFolder(config.dataDir) ? findClusterImage(clusterImageRecipe().key, clusterImageCacheDir()) : undefined
  if (image) {
    try {
      restoreClusterImage(image, config.dataDir)
    } catch (err) {
      // e.g. a newer `npm install` removed this image while it was being copied: do without.
      if (!isFileSystemError(err)) throw err
      log.warn({ err: (err as Error).message }, 'could not copy the PGlite cluster image; initialising the data folder from scratch')
    }
  }
  const release = claimDataDir(config.dataDir)
  try {
    const database = await openDatabase({ dataDir: config.dataDir })
    return { ...database, close: () => database.close().finally(release) }
  } catch (err) {
    release()
    throw err
  }
}

/** What every empty cluster gets before the app's first start: the migrations and pg-boss's schema. */
export function clusterImageRecipe(): ImageRecipe {
  return {
    key: imageKey([`pglite ${installedVersion('@electric-sql/pglite')}`, `pg-boss ${installedVersion('pg-boss')}`], [migrationsFolder]),
    async prepare(database) {
      if (database.engine !== 'pglite') throw new Error('a cluster image is a PGlite folder')
      await migrateDatabase(database)
      await installQueueSchema(database)
    },
  }
}

/** Builds the cluster image for the current migrations unless this machine has it (`npm install` runs this). */
export function prepareClusterImage(cacheDir = clusterImageCacheDir()) {
  return ensureClusterImage(clusterImageRecipe(), cacheDir)
}

const isFileSystemError = (err: unknown) => err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && 'syscall' in err

export async function databaseAnswers(database: Database): Promise<boolean> {
  await database.db.execute(sql`select 1`)
  return true
}
