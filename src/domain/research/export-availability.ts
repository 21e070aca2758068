import type { CycleStatus } from '../cycle/cycle-states'
import { K } from './deidentify'

/** Whether a cycle's research exports may be made, and if not, the reason in words an analyst reads. */
export type ExportAvailability = { ok: true } | { ok: false; reason: string }

/**
 * Exports carry scores and come from a finished round: the cycle must be scored (or released), and at least K
 * schools must have certified a response, or the file itself would be a small count.
 */
export function exportAvailability(cycle: { status: CycleStatus }, certified: number): ExportAvailability {
  if (cycle.status === 'draft' || cycle.status === 'open') {
    return { ok: false, reason: 'This cycle is still open: schools may still change their answers. Its exports come once it has closed and been scored.' }
  }
  if (cycle.status === 'closed') {
    return { ok: false, reason: 'This cycle has closed but is not scored yet. Exports include every school’s scores, so they come once the program team has scored it.' }
  }
  if (certified < K) {
    return { ok: false, reason: `Fewer than ${K} schools certified a response in this cycle. A file that small could identify them, so this cycle has no export.` }
  }
  return { ok: true }
}
