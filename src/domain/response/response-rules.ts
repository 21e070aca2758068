import { answeringOpen } from '../cycle/cycle-calendar'
import type { CycleStatus } from '../cycle/cycle-states'

// Who may change a school's response, and when. Pure: the service passes the facts it loaded.

export type EditFacts = {
  status: 'in_progress' | 'submitted'
  /** A closed cycle still takes answers from schools inside an extension (domain/cycle/cycle-calendar.ts). */
  cycleStatus: CycleStatus
  deadlineAt: Date
  /** A per-school extension; later than the cycle's deadline when set. */
  deadlineOverrideAt: Date | null
  /** Program admins may change a response after the deadline (paper returns, corrections). */
  isAdmin: boolean
}

export type EditCheck = { ok: true } | { ok: false; code: 'response.submitted' | 'response.past_deadline' | 'response.cycle_closed'; message: string }

export const effectiveDeadline = (deadlineAt: Date, overrideAt: Date | null): Date =>
  overrideAt && overrideAt > deadlineAt ? overrideAt : deadlineAt

/** Answers change only while the response is open and, for the school, until its (extended) deadline. */
export function checkEditable(facts: EditFacts, now: Date): EditCheck {
  if (facts.status === 'submitted') {
    return { ok: false, code: 'response.submitted', message: 'This response has been submitted and is locked. Ask the program team to reopen it.' }
  }
  if (!facts.isAdmin && !answeringOpen(facts, now)) {
    if (facts.cycleStatus !== 'open' && now <= effectiveDeadline(facts.deadlineAt, facts.deadlineOverrideAt)) {
      return { ok: false, code: 'response.cycle_closed', message: 'This cycle has closed, so answers can no longer be changed. Ask the program team for an extension.' }
    }
    return { ok: false, code: 'response.past_deadline', message: 'The deadline has passed, so answers can no longer be changed. Ask the program team for an extension.' }
  }
  return { ok: true }
}

const DAY_MS = 86_400_000

/** Whole days until the deadline, counting a part day as a day; 0 on the day itself, negative once it has passed. */
export const daysLeft = (deadline: Date, now: Date): number => Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS)
