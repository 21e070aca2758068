import type { Db } from '../../db/client'
import { insertCycle } from '../../db/queries/cycles'
import { insertDemoParticipations } from '../../db/queries/demo-participations'
import type { ParticipationStatus } from '../../db/schema/cycles'
import type { Discipline } from '../../domain/school/school-facts'

const DAY = 24 * 3_600_000

/** How the demo's past round ended for the n-th school of each discipline: mostly submitted, a few not. */
const OUTCOMES: Partial<Record<Discipline, ParticipationStatus[]>> = {
  md: ['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'in_progress', 'declined', 'submitted'],
  do: ['submitted', 'submitted', 'declined', 'accepted', 'submitted', 'invited'],
  dental: ['submitted', 'declined', 'submitted', 'invited', 'submitted', 'declined'],
}

/**
 * A closed round from last year over the demo's medical, osteopathic and dental schools, so the public
 * participation page has something to show, small counts included.
 */
export async function seedDemoPastCycle(db: Db, schools: { id: string; discipline: Discipline }[], now: Date) {
  const opensAt = new Date(now.getTime() - 400 * DAY)
  const deadlineAt = new Date(now.getTime() - 250 * DAY)
  const cycle = await insertCycle(db, {
    title: `${opensAt.getUTCFullYear()} national round (demo)`,
    instrumentVersion: 'smm-2024',
    disciplines: ['md', 'do', 'dental'],
    status: 'closed',
    opensAt,
    deadlineAt,
    // Published a month after it closed: publishing is an admin's step (decision 092), done here for the demo.
    participationPublishedAt: new Date(deadlineAt.getTime() + 30 * DAY),
  })
  const seen: Partial<Record<Discipline, number>> = {}
  const rows = schools.flatMap((school) => {
    const outcomes = OUTCOMES[school.discipline]
    if (!outcomes) return []
    const i = seen[school.discipline] ?? 0
    seen[school.discipline] = i + 1
    const status = outcomes[i % outcomes.length]!
    return [{
      cycleId: cycle.id,
      schoolId: school.id,
      status,
      source: 'all-eligible' as const,
      invitedAt: opensAt,
      respondedAt: status === 'invited' ? null : new Date(opensAt.getTime() + 10 * DAY),
      submittedAt: status === 'submitted' ? new Date(deadlineAt.getTime() - 5 * DAY) : null,
    }]
  })
  await insertDemoParticipations(db, rows)
  return cycle
}
