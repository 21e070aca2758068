import type { Db } from '../../db/client'
import { findInstrumentVersion } from '../../db/queries/instruments'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument } from '../../domain/instrument/instrument-validate'
import { notFound } from '../errors'

/** The questionnaire a response answers, read back through the same validation as its file. No permission check: callers have made theirs. */
export async function storedInstrument(db: Db, id: string): Promise<Instrument> {
  const row = (await findInstrumentVersion(db, id)) ?? notFound('instrument version')
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${id} no longer validates: ${checked.issues[0]?.message}`)
  return checked.instrument
}
