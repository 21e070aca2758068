import type { Db } from '../../db/client'
import { participationCounts, publishedCycles } from '../../db/queries/participation-stats'
import type { ParticipationStatus } from '../../db/schema/cycles'
import { publishNestedCounts, type PublishedCount } from '../../domain/privacy/small-counts'
import { DISCIPLINES, type Discipline } from '../../domain/school/school-facts'

/** Schools that said yes: they accepted, are answering, or have submitted. */
const TAKING_PART: ReadonlySet<ParticipationStatus> = new Set(['accepted', 'in_progress', 'submitted'])

export type PublishedRow<G extends string> = { group: G; invited: PublishedCount; takingPart: PublishedCount; completed: PublishedCount }
export type PublishedBreakdown<G extends string> = { rows: PublishedRow<G>[]; total: Omit<PublishedRow<G>, 'group'> }
export type CycleParticipation = {
  id: string
  title: string
  opensAt: Date
  deadlineAt: Date
  byDiscipline: PublishedBreakdown<Discipline>
  byState: PublishedBreakdown<string>
}

/** Participation in every cycle an admin published (never a pilot), as the public page shows it. */
export async function publicParticipation(db: Db): Promise<CycleParticipation[]> {
  return participationFigures(db, await publishedCycles(db))
}

type PublicCycle = { id: string; title: string; opensAt: Date; deadlineAt: Date }

/**
 * Participation in these cycles, in aggregate: schools invited, taking part and completed, by discipline and by
 * state, each column published under the small-count rule. Never a school's name. The public page and the admin's
 * preview of it both come from here, so the preview is what the public will see.
 */
export async function participationFigures(db: Db, cycles: readonly PublicCycle[]): Promise<CycleParticipation[]> {
  const ids = cycles.map((c) => c.id)
  const [byDiscipline, byState] = await Promise.all([participationCounts(db, ids, 'discipline'), participationCounts(db, ids, 'state')])
  return cycles.map((cycle) => ({
    id: cycle.id,
    title: cycle.title,
    opensAt: cycle.opensAt,
    deadlineAt: cycle.deadlineAt,
    byDiscipline: breakdown(
      byDiscipline.filter((r) => r.cycleId === cycle.id),
      (groups) => DISCIPLINES.filter((d) => groups.has(d)),
    ),
    byState: breakdown(
      byState.filter((r) => r.cycleId === cycle.id),
      (groups) => [...groups].sort(),
    ),
  }))
}

type CountRow = { group: string; status: ParticipationStatus; n: number }

function breakdown<G extends string>(rows: CountRow[], order: (groups: Set<string>) => G[]): PublishedBreakdown<G> {
  const groups = order(new Set(rows.map((r) => r.group)))
  const count = (group: string, keep: (s: ParticipationStatus) => boolean) =>
    rows.filter((r) => r.group === group && keep(r.status)).reduce((sum, r) => sum + r.n, 0)
  // The stages are nested (completed ⊆ taking part ⊆ invited), so their differences are counts of schools too.
  const stages = groups.map((g) => [count(g, () => true), count(g, (s) => TAKING_PART.has(s)), count(g, (s) => s === 'submitted')])
  const published = publishNestedCounts(stages)
  const row = ([invited, takingPart, completed]: PublishedCount[]) => ({ invited: invited!, takingPart: takingPart!, completed: completed! })
  return { rows: groups.map((group, i) => ({ group, ...row(published.rows[i]!) })), total: row(published.totals) }
}
