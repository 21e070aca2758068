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

/** How many schools of one group are in one status: a row of the SQL aggregate the dashboard counts from. */
export type StatusCount = { status: ParticipationStatus; n: number }

export type Tally = { invited: number; accepted: number; declined: number; inProgress: number; submitted: number; completionPct: number }

const SAID_YES: readonly ParticipationStatus[] = ['accepted', 'in_progress', 'submitted']

export function tally(counts: readonly StatusCount[]): Tally {
  const count = (pred: (s: ParticipationStatus) => boolean) => counts.reduce((n, c) => (pred(c.status) ? n + c.n : n), 0)
  const invited = count(() => true)
  const submitted = count((s) => s === 'submitted')
  return {
    invited,
    accepted: count((s) => SAID_YES.includes(s)),
    declined: count((s) => s === 'declined'),
    inProgress: count((s) => s === 'in_progress'),
    submitted,
    completionPct: invited === 0 ? 0 : Math.round((1000 * submitted) / invited) / 10,
  }
}

/** Tallies per group (discipline or state), groups sorted by key. */
export function tallyBy<T extends StatusCount>(counts: readonly T[], key: (c: T) => string): { key: string; tally: Tally }[] {
  const groups = new Map<string, T[]>()
  for (const c of counts) groups.set(key(c), [...(groups.get(key(c)) ?? []), c])
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ key: k, tally: tally(g) }))
}

/** Schools that said yes and schools that submitted on one UTC day (YYYY-MM-DD), as the database counts them. */
export type DayCount = { day: string; accepted: number; submitted: number }
export type DailyPoint = DayCount

const DAY_MS = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/** Cumulative accepted and submitted at the end of each UTC day from `from` to `to`, inclusive. */
export function dailyProgress(counts: readonly DayCount[], from: Date, to: Date): DailyPoint[] {
  const points: DailyPoint[] = []
  const start = Date.parse(isoDay(from))
  const end = Date.parse(isoDay(to))
  const sorted = [...counts].sort((a, b) => a.day.localeCompare(b.day))
  let accepted = 0
  let submitted = 0
  let next = 0
  for (let t = start; t <= end && points.length < 400; t += DAY_MS) {
    const day = isoDay(new Date(t))
    // Days before the first point (a school that answered before the cycle's opening date) count from the start.
    for (; next < sorted.length && sorted[next]!.day <= day; next++) {
      accepted += sorted[next]!.accepted
      submitted += sorted[next]!.submitted
    }
    points.push({ day, accepted, submitted })
  }
  return points
}
