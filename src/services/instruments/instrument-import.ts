import type { Db } from '../../db/client'
import { findInstrumentHashes, insertInstrumentVersion } from '../../db/queries/instruments'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan } from '../errors'
import { describeFileError, INSTRUMENTS_DIR, readInstrumentFiles, type InstrumentFile, type InstrumentFileError } from './instrument-files'

export type ImportOutcome = { imported: string[]; unchanged: string[] }

/** Some instrument file could not be read or validated; nothing was imported. */
export class InstrumentFilesInvalid extends AppError {
  constructor(readonly errors: InstrumentFileError[]) {
    super('instrument.invalid', `Instrument files have problems; nothing was imported:\n${errors.map((e) => `  ${describeFileError(e)}`).join('\n')}`, 422)
  }
}

/**
 * Imports validated instrument files as immutable versions, all in one transaction. Same id and same content:
 * nothing to do. Same id, different content: refused, naming the file, since a cycle may already rely on it.
 */
export async function importInstrumentFiles(db: Db, actor: Actor, files: readonly InstrumentFile[], now = new Date()): Promise<ImportOutcome> {
  if (actor.kind !== 'system') assertCan(actor, 'instrument.manage') // the operator at start-up or the console may always import
  return db.transaction(async (tx) => {
    const known = new Map((await findInstrumentHashes(tx)).map((row) => [row.id, row.contentHash]))
    const outcome: ImportOutcome = { imported: [], unchanged: [] }
    for (const { file, instrument, contentHash } of files) {
      const existing = known.get(instrument.id)
      if (existing === contentHash) {
        outcome.unchanged.push(instrument.id)
        continue
      }
      if (existing !== undefined) {
        throw new AppError(
          'instrument.changed',
          `${file}: instrument ${instrument.id} was already imported with different content. Versions never change; give the changed file a new id (for example ${instrument.id}-r2).`,
          409,
        )
      }
      await insertInstrumentVersion(tx, { id: instrument.id, title: instrument.title, contentHash, content: instrument, sourceFile: file, importedAt: now })
      await recordAudit(tx, actor, 'instrument.imported', { subject: instrument.id, details: { file, contentHash } })
      outcome.imported.push(instrument.id)
    }
    return outcome
  })
}

/** Reads every file in the folder and imports them; any invalid file stops the whole import. */
export async function importInstrumentDirectory(db: Db, actor: Actor, dir: string = INSTRUMENTS_DIR): Promise<ImportOutcome> {
  const read = readInstrumentFiles(dir)
  if (!read.ok) throw new InstrumentFilesInvalid(read.errors)
  return importInstrumentFiles(db, actor, read.files)
}
