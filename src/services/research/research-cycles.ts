import type { Db } from '../../db/client'
import { certifiedCountsByDiscipline, researchCycles } from '../../db/queries/research'
import type { Actor } from '../../domain/policy/roles'
import { publishCountList, type PublishedCount } from '../../domain/privacy/small-counts'
import { exportAvailability, type ExportAvailability } from '../../domain/research/export-availability'
import { DISCIPLINES, type Discipline } from '../../domain/school/school-facts'
import type { CycleStatus } from '../../domain/cycle/cycle-states'
import { assertCan, notFound } from '../errors'

// The analyst area's cycles: which rounds can be analysed, how large they are, and whether they can be exported.
// Sizes are counts of certified responses by discipline, published through the small-count rule like every other
// aggregate (docs/privacy.md), so a discipline with one school never shows as "1".

export type ResearchCycle = {
  id: string
  title: string
  status: CycleStatus
  pilot: boolean
  instrumentVersion: string
  deadlineAt: Date
  /** Certified responses (the export's rows); the true count, used to decide availability, never shown below 5. */
  certified: number
  byDiscipline: { discipline: Discipline; n: PublishedCount }[]
  total: PublishedCount
  availability: ExportAvailability
}

async function cyclesWithSizes(db: Db): Promise<ResearchCycle[]> {
  const list = await researchCycles(db)
  const counts = await certifiedCountsByDiscipline(db, list.map((c) => c.id))
  return list.map((cycle) => {
    const mine = counts.filter((r) => r.cycleId === cycle.id)
    const disciplines = DISCIPLINES.filter((d) => mine.some((r) => r.discipline === d))
    const published = publishCountList(disciplines.map((d) => mine.find((r) => r.discipline === d)!.n))
    const certified = mine.reduce((n, r) => n + r.n, 0)
    return {
      ...cycle,
      certified,
      byDiscipline: disciplines.map((discipline, i) => ({ discipline, n: published.counts[i]! })),
      total: published.total,
      availability: exportAvailability(cycle, certified),
    }
  })
}

/** Every live cycle from opening on, newest deadline first. */
export async function researchHome(db: Db, actor: Actor) {
  assertCan(actor, 'research.view')
  return cyclesWithSizes(db)
}

/** One cycle of the research area; drafts and imported past rounds are not part of it (404). */
export async function researchCycle(db: Db, actor: Actor, cycleId: string): Promise<ResearchCycle> {
  assertCan(actor, 'research.view')
  return (await cyclesWithSizes(db)).find((c) => c.id === cycleId) ?? notFound('cycle')
}

/** The confirmation step of the program team's export naming schools (admins only). */
export async function identifiedExportPage(db: Db, actor: Actor, cycleId: string): Promise<ResearchCycle> {
  assertCan(actor, 'research.export.identified')
  return researchCycle(db, actor, cycleId)
}
