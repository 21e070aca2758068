import type { Db } from '../../db/client'
import { calendarCycles, findCycle, setCycleCalendar } from '../../db/queries/cycles'
import { dueToClose, dueToOpen } from '../../domain/cycle/cycle-calendar'
import { CYCLE_CALENDAR, type Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { advanceCycle } from './cycle-admin'
import { sendDueReminders } from './cycle-reminders'

export type CalendarRun = { opened: string[]; closed: string[]; reminders: number; problems: { cycleId: string; message: string }[] }

/**
 * The hourly calendar job: opens (and sends) the drafts whose opening date has come, sends the reminders that
 * are due and closes the cycles set to close at their deadline, each through the same service an admin's button
 * uses, audited as done by `system:cycle-calendar`. Safe to run twice or on two machines at once: a move happens
 * only from the status it expects (the second run finds the cycle moved and leaves it), and each reminder is
 * claimed once. A cycle that cannot open (say its sample no longer fits) stays draft and is named in `problems`.
 */
export async function runCycleCalendar(db: Db, jobs: JobQueue, baseUrl: string, now = new Date()): Promise<CalendarRun> {
  const run: CalendarRun = { opened: [], closed: [], reminders: 0, problems: [] }
  const move = async (cycleId: string, to: 'open' | 'closed') => {
    try {
      await advanceCycle(db, jobs, CYCLE_CALENDAR, cycleId, to, null, now)
      run[to === 'open' ? 'opened' : 'closed'].push(cycleId)
    } catch (err) {
      if (!(err instanceof AppError)) throw err
      run.problems.push({ cycleId, message: err.message })
    }
  }
  const due = await calendarCycles(db)
  for (const cycle of due) if (dueToOpen(cycle, now)) await move(cycle.id, 'open')
  run.reminders = await sendDueReminders(db, jobs, baseUrl, now)
  for (const cycle of due) if (dueToClose(cycle, now)) await move(cycle.id, 'closed')
  return run
}

export type CalendarChoice = { openOnOpensAt?: boolean; closeAtDeadline?: boolean }

/**
 * The admin's switches: send the invitations by themselves on the opening date (a draft only: afterwards they
 * are sent) and close by itself at the deadline (until the cycle has closed).
 */
export async function setCycleCalendarChoice(db: Db, actor: Actor, cycleId: string, choice: CalendarChoice, ip: string | null = null) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'cycles.manage')
    const cycle = (await findCycle(tx, cycleId)) ?? notFound('cycle')
    if (choice.openOnOpensAt !== undefined && cycle.status !== 'draft') {
      throw new AppError('cycle.not_draft', 'The invitations of this cycle have already been sent.', 409)
    }
    if (choice.closeAtDeadline !== undefined && cycle.status !== 'draft' && cycle.status !== 'open') {
      throw new AppError('cycle.closed', 'This cycle has already closed.', 409)
    }
    await setCycleCalendar(tx, cycleId, choice)
    await recordAudit(tx, actor, 'cycle.calendar-changed', { subject: cycleId, details: choice }, { ip })
    return { ...cycle, ...choice }
  })
}
