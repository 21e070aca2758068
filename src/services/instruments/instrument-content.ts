import type { Db } from '../../db/client'
import { findInstrumentVersion } from '../../db/queries/instruments'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument } from '../../domain/instrument/instrument-validate'
import { notFound } from '../errors'

// Instrument versions never change once imported (decision 010), so each is read and validated once per process
// and kept: the autosave path must not spend a query (and a validation) on the questionnaire every time.
const cache = new Map<string, Instrument>()

/** The questionnaire of a stored version. No permission check: callers have made theirs. */
export async function storedInstrument(db: Db, id: string): Promise<Instrument> {
  const cached = cache.get(id)
  if (cached) return cached
  const row = (await findInstrumentVersion(db, id)) ?? notFound('instrument version')
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${id} no longer validates: ${checked.issues[0]?.message}`)
  cache.set(id, checked.instrument)
  return checked.instrument
}
