// Reminders go out a set number of days before a school's deadline (its extension, if it has one), once each,
// and only while the school has not submitted.

export const DEFAULT_REMINDER_DAYS = [30, 14, 7, 1] as const
const DAY_MS = 24 * 3_600_000

export type ReminderSubject = {
  status: 'invited' | 'accepted' | 'declined' | 'in_progress' | 'submitted'
  deadlineAt: Date
  /** days-before values already sent for this participation */
  sent: readonly number[]
}

/** Schools that declined or submitted hear nothing more. */
export const wantsReminders = (status: ReminderSubject['status']) => status !== 'declined' && status !== 'submitted'

/**
 * The reminder due now, if any: the closest-to-deadline day mark that has passed and not been sent. Older marks
 * that were missed (the cycle opened late, the worker was down) are skipped rather than sent in a burst.
 */
export function dueReminder(subject: ReminderSubject, reminderDays: readonly number[], now: Date): number | null {
  if (!wantsReminders(subject.status) || now >= subject.deadlineAt) return null
  const passed = reminderDays.filter((d) => now.getTime() >= subject.deadlineAt.getTime() - d * DAY_MS)
  if (passed.length === 0) return null
  const latest = Math.min(...passed)
  return subject.sent.includes(latest) ? null : latest
}

/** Parses "30, 14, 7, 1" into distinct whole days, largest first; null when a part is not a day count. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  const days = parts.map(Number)
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) return null
  return [...new Set(days)].sort((a, b) => b - a)
}
