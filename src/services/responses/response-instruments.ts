import type { Db } from '../../db/client'
import { findInstrumentVersion } from '../../db/queries/instruments'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument } from '../../domain/instrument/instrument-validate'

// Instrument versions never change once imported (decision 010), so each is read and validated once per process
// and kept: the autosave path must not spend a query (and a validation) on the questionnaire every time.
const cache = new Map<string, Instrument>()

export async function instrumentOfVersion(db: Db, versionId: string): Promise<Instrument> {
  const cached = cache.get(versionId)
  if (cached) return cached
  const row = await findInstrumentVersion(db, versionId)
  if (!row) throw new Error(`instrument version ${versionId} is missing`)
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${versionId} no longer validates: ${checked.issues[0]?.message}`)
  cache.set(versionId, checked.instrument)
  return checked.instrument
}
