import type { assignmentsOf } from '../../db/queries/responses'
import { areaStatus, type AreaProgress, type AreaStatus } from '../../domain/response/response-progress'
import { mayEditArea, type ResponseAccess } from './response-access'

export type AreaRow = {
  id: string
  title: string
  domainTitle: string
  /** 1-based position in the questionnaire, for "4.2"-style question numbers that never change with skip logic. */
  number: number
  progress: AreaProgress
  status: AreaStatus
  /** The actor may answer it. */
  mine: boolean
  /** The actor may open it (contributors only their own areas). */
  canOpen: boolean
  people: string[]
}

/** Every area of the response in order, with its status and who answers it: the questionnaire's list of areas. */
export function areaRows(access: ResponseAccess, progress: readonly AreaProgress[], assignments: Awaited<ReturnType<typeof assignmentsOf>>): AreaRow[] {
  const byArea = new Map(progress.map((p) => [p.areaId, p]))
  let number = 0
  return access.narrowed.domains.flatMap((d) =>
    d.areas.map((a) => {
      const mine = mayEditArea(access, a.id)
      const p = byArea.get(a.id)!
      return {
        id: a.id,
        title: a.title,
        domainTitle: d.title,
        number: ++number,
        progress: p,
        status: areaStatus(p),
        mine,
        canOpen: mine || access.role !== 'contributor',
        people: assignments.filter((x) => x.areaId === a.id).map((x) => x.name ?? x.email),
      }
    }),
  )
}

/**
 * Question numbers as a respondent reads them: "4.2" is the second question of the fourth area. They follow the
 * discipline's questionnaire and never shift when skip logic opens or closes a follow-up.
 */
export function questionNumbers(access: Pick<ResponseAccess, 'narrowed'>): Map<string, string> {
  const numbers = new Map<string, string>()
  access.narrowed.domains.flatMap((d) => d.areas).forEach((area, a) => area.items.forEach((item, i) => numbers.set(item.id, `${a + 1}.${i + 1}`)))
  return numbers
}
