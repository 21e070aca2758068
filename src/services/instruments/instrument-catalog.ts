import type { Db } from '../../db/client'
import { countCyclesUsing, findInstrumentVersion, listInstrumentVersions } from '../../db/queries/instruments'
import { diffInstruments, type ItemDiff } from '../../domain/instrument/instrument-diff'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument } from '../../domain/instrument/instrument-validate'
import type { ProgramAction } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'

export type InstrumentVersionSummary = Awaited<ReturnType<typeof listInstrumentVersions>>[number] & { inUse: boolean }
export type InstrumentVersionView = {
  id: string
  title: string
  contentHash: string
  sourceFile: string
  importedAt: Date
  cycles: number
  instrument: Instrument
}

export async function listVersions(db: Db, actor: Actor): Promise<InstrumentVersionSummary[]> {
  assertCan(actor, 'instrument.view')
  return (await listInstrumentVersions(db)).map((row) => ({ ...row, inUse: row.cycles > 0 }))
}

/** One stored version, its content read back through the same validation as the file it came from. */
export async function openVersion(db: Db, actor: Actor, id: string, action: ProgramAction = 'instrument.view'): Promise<InstrumentVersionView> {
  assertCan(actor, action)
  const row = (await findInstrumentVersion(db, id)) ?? notFound('instrument version')
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${id} no longer validates: ${checked.issues[0]?.message}`)
  return { ...row, cycles: await countCyclesUsing(db, id), instrument: checked.instrument }
}

export async function compareVersions(db: Db, actor: Actor, beforeId: string, afterId: string) {
  const before = await openVersion(db, actor, beforeId)
  const after = await openVersion(db, actor, afterId)
  const rows: ItemDiff[] = diffInstruments(before.instrument, after.instrument)
  return { before, after, rows }
}
