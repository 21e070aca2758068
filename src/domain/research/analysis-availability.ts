import type { CycleStatus } from '../cycle/cycle-states'
import { K_MIN_COUNT } from '../privacy/small-counts'

/** Whether a cycle's aggregate results or instrument quality can be shown, and if not, why, in words an analyst reads. */
export type AnalysisAvailability = { ok: true } | { ok: false; reason: string }

/**
 * Both analyses describe a finished round: answers no longer change once the cycle has closed. Results also need
 * the scores, which exist once the program team has scored the cycle; quality reads the answers alone. Under
 * k certified responses there is nothing that could be shown without pointing at a school.
 */
export function analysisAvailability(kind: 'results' | 'quality', status: CycleStatus, certified: number): AnalysisAvailability {
  if (status === 'draft' || status === 'open') {
    return { ok: false, reason: 'This cycle is still open: schools may still change their answers. Its analyses come once it has closed.' }
  }
  if (kind === 'results' && status === 'closed') {
    return { ok: false, reason: 'This cycle has closed but is not scored yet. Its results come once the program team has scored it.' }
  }
  if (certified < K_MIN_COUNT) {
    return { ok: false, reason: `Fewer than ${K_MIN_COUNT} schools certified a response in this cycle, so nothing can be shown without pointing at one of them.` }
  }
  return { ok: true }
}
