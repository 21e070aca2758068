import type { Instrument } from './instrument-model'

export type CrosswalkIssue = { instrumentId: string; message: string }

/**
 * Checks each version's crosswalk against the versions loaded beside it: the version it points to must exist and
 * every area it names there must be real. Checked across files, so it runs once all files are read.
 */
export function checkCrosswalks(instruments: readonly Instrument[]): CrosswalkIssue[] {
  const byId = new Map(instruments.map((i) => [i.id, i]))
  const issues: CrosswalkIssue[] = []
  for (const instrument of instruments) {
    const crosswalk = instrument.crosswalk
    if (!crosswalk) continue
    const target = byId.get(crosswalk.to)
    if (!target) {
      issues.push({ instrumentId: instrument.id, message: `crosswalk points to ${crosswalk.to}, which is not among the instrument files` })
      continue
    }
    const targetAreas = new Set(target.domains.flatMap((d) => d.areas.map((a) => a.id)))
    for (const [from, to] of Object.entries(crosswalk.areas)) {
      for (const area of to.filter((id) => !targetAreas.has(id))) {
        issues.push({ instrumentId: instrument.id, message: `crosswalk maps ${from} to ${area}, which is not an area of ${target.id}` })
      }
    }
  }
  return issues
}
