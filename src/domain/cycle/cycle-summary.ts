import type { Discipline } from '../school/school-facts'

// What the cycle dashboard counts. "Accepted" counts every school that said yes (so it includes those in
// progress and submitted); completion is submitted out of invited.

export const PARTICIPATION_STATUSES = ['invited', 'accepted', 'declined', 'in_progress', 'submitted'] as const
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number]

export const PARTICIPATION_LABELS: Record<ParticipationStatus, string> = {
  invited: 'Invited, no answer yet',
  accepted: 'Accepted',
  declined: 'Declined',
  in_progress: 'In progress',
  submitted: 'Submitted',
}

export type SummaryRow = { status: ParticipationStatus; discipline: Discipline; state: string; respondedAt: Date | null; submittedAt: Date | null }

export type Tally = { invited: number; accepted: number; declined: number; inProgress: number; submitted: number; completionPct: number }

const SAID_YES: readonly ParticipationStatus[] = ['accepted', 'in_progress', 'submitted']

export function tally(rows: readonly SummaryRow[]): Tally {
  const count = (pred: (r: SummaryRow) => boolean) => rows.filter(pred).length
  const invited = rows.length
  const submitted = count((r) => r.status === 'submitted')
  return {
    invited,
    accepted: count((r) => SAID_YES.includes(r.status)),
    declined: count((r) => r.status === 'declined'),
    inProgress: count((r) => r.status === 'in_progress'),
    submitted,
    completionPct: invited === 0 ? 0 : Math.round((1000 * submitted) / invited) / 10,
  }
}

/** Tallies per group (discipline or state), groups sorted by key. */
export function tallyBy(rows: readonly SummaryRow[], key: (r: SummaryRow) => string): { key: string; tally: Tally }[] {
  const groups = new Map<string, SummaryRow[]>()
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ key: k, tally: tally(g) }))
}

export type DailyPoint = { day: string; accepted: number; submitted: number }

const DAY_MS = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** Cumulative accepted and submitted at the end of each UTC day from `from` to `to`, inclusive. */
export function dailyProgress(rows: readonly SummaryRow[], from: Date, to: Date): DailyPoint[] {
  const points: DailyPoint[] = []
  const start = Date.parse(isoDay(from))
  const end = Date.parse(isoDay(to))
  for (let t = start; t <= end && points.length < 400; t += DAY_MS) {
    const endOfDay = t + DAY_MS
    points.push({
      day: isoDay(new Date(t)),
      accepted: rows.filter((r) => SAID_YES.includes(r.status) && r.respondedAt && r.respondedAt.getTime() < endOfDay).length,
      submitted: rows.filter((r) => r.status === 'submitted' && r.submittedAt && r.submittedAt.getTime() < endOfDay).length,
    })
  }
  return points
}
