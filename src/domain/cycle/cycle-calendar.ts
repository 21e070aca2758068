import type { CycleStatus } from './cycle-states'
import { participationDeadline } from './invitation-rules'

// The dates that move a cycle by themselves, and who may still answer once it has closed. Pure: the calendar
// job and the response services pass the facts they loaded and "now".

export type CalendarCycle = {
  status: CycleStatus
  opensAt: Date
  deadlineAt: Date
  openOnOpensAt: boolean
  closeAtDeadline: boolean
}

/** A draft cycle scheduled to send on its opening date opens (and sends) once that moment has come. */
export const dueToOpen = (cycle: CalendarCycle, now: Date) => cycle.status === 'draft' && cycle.openOnOpensAt && now >= cycle.opensAt

/** An open cycle set to close at its deadline closes once the deadline has passed. */
export const dueToClose = (cycle: CalendarCycle, now: Date) => cycle.status === 'open' && cycle.closeAtDeadline && now > cycle.deadlineAt

/** A school whose extension runs past the cycle's deadline and has not ended yet. */
export const insideExtension = (cycleDeadline: Date, override: Date | null, now: Date) =>
  override !== null && override > cycleDeadline && now <= override

export type AnsweringFacts = { cycleStatus: CycleStatus; deadlineAt: Date; deadlineOverrideAt: Date | null }

/**
 * Whether a school may still answer (save, manage its team, submit): while the cycle is open, until its own
 * deadline; once the cycle is closed or later, only inside an extension that runs past the cycle's deadline.
 * Closing a cycle therefore never cancels an extension (issue 16, decision 080).
 */
export function answeringOpen(facts: AnsweringFacts, now: Date): boolean {
  if (facts.cycleStatus === 'draft') return false
  if (facts.cycleStatus === 'open') return now <= participationDeadline(facts.deadlineAt, facts.deadlineOverrideAt)
  return insideExtension(facts.deadlineAt, facts.deadlineOverrideAt, now)
}
