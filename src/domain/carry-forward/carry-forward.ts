import { validateAnswer, type Answer } from '../instrument/instrument-answers'
import { itemsOf, type Instrument } from '../instrument/instrument-model'

// Which of last cycle's answers may pre-fill this cycle's response. Pure: the service reads the rows and writes
// the plan. An answer carries over only where the same question exists now, in an area that the earlier area
// maps to, and the old value is still a valid answer to the new question.

/** Whether answers to `from` can pre-fill `to`: the same version, or a version whose crosswalk leads to it. */
export const instrumentsCompatible = (from: Instrument, to: Instrument) => from.id === to.id || from.crosswalk?.to === to.id

export type EarlierAnswer = { itemId: string; value: Answer | null }
export type CarriedAnswer = { itemId: string; areaId: string; value: Answer }
export type CarryForwardPlan = {
  carried: CarriedAnswer[]
  /** Carried answers per area of the new instrument, in its reading order; areas with none are left out. */
  byArea: { areaId: string; areaTitle: string; count: number }[]
  skipped: { notAsked: number; noLongerValid: number; alreadyAnswered: number }
}

/** Where each area of `from` went in `to` (itself, for the same version). */
function areaMap(from: Instrument, to: Instrument): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>()
  for (const { area } of itemsOf(from)) {
    const targets = from.id === to.id ? [area.id] : (from.crosswalk?.areas[area.id] ?? [])
    map.set(area.id, new Set(targets))
  }
  return map
}

export function planCarryForward(
  from: Instrument,
  to: Instrument,
  earlier: readonly EarlierAnswer[],
  answeredNow: ReadonlySet<string>,
): CarryForwardPlan {
  const skipped = { notAsked: 0, noLongerValid: 0, alreadyAnswered: 0 }
  if (!instrumentsCompatible(from, to)) return { carried: [], byArea: [], skipped: { ...skipped, notAsked: earlier.length } }
  const oldAreaOf = new Map(itemsOf(from).map(({ item, area }) => [item.id, area.id]))
  const newItems = new Map(itemsOf(to).map((entry) => [entry.item.id, entry]))
  const areas = areaMap(from, to)
  const carried: CarriedAnswer[] = []
  for (const { itemId, value } of earlier) {
    if (value === null) continue // cleared last time: nothing to offer
    const target = newItems.get(itemId)
    const oldArea = oldAreaOf.get(itemId)
    if (!target || !oldArea || !areas.get(oldArea)?.has(target.area.id)) skipped.notAsked++
    else if (answeredNow.has(itemId)) skipped.alreadyAnswered++
    else {
      const check = validateAnswer(target.item, value)
      if (check.ok) carried.push({ itemId, areaId: target.area.id, value: check.answer })
      else skipped.noLongerValid++
    }
  }
  const counts = new Map<string, number>()
  for (const c of carried) counts.set(c.areaId, (counts.get(c.areaId) ?? 0) + 1)
  const byArea = to.domains.flatMap((d) => d.areas).filter((a) => counts.has(a.id)).map((a) => ({ areaId: a.id, areaTitle: a.title, count: counts.get(a.id)! }))
  return { carried, byArea, skipped }
}
