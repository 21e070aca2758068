import type { Db } from '../../db/client'
import { findInstrumentVersion } from '../../db/queries/instruments'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument } from '../../domain/instrument/instrument-validate'

/** A stored instrument version read back through validation (no permission check: callers have made theirs). */
export async function storedInstrument(db: Db, id: string): Promise<Instrument> {
  const row = await findInstrumentVersion(db, id)
  if (!row) throw new Error(`instrument version ${id} is not stored`)
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${id} no longer validates: ${checked.issues[0]?.message}`)
  return checked.instrument
}

/** Every metric a response is scored on: each area, each domain and "overall". */
export const metricsOf = (instrument: Instrument): string[] => [
  ...instrument.domains.flatMap((d) => d.areas.map((a) => a.id)),
  ...instrument.domains.map((d) => d.id),
  'overall',
]
