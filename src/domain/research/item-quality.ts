import { visibleItemIds } from '../instrument/condition-visibility'
import { isEscape, type Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { conditionalItems } from '../instrument/instrument-form'
import { itemsOf, type Instrument, type Item } from '../instrument/instrument-model'
import { indicatorOutcomes } from '../scoring/indicator-outcomes'
import { K_MIN_COUNT, publishCountList, type PublishedCount } from '../privacy/small-counts'
import type { Discipline } from '../school/school-facts'
import { cronbachAlpha, pearson } from './reliability'

// How each question of an instrument version worked in one cycle (decision 139): its answer distribution under the
// small-count rule, its don't-know and missing rates, how well its points go with the rest of its area (item–rest
// correlation), each area's Cronbach's alpha, and two flags that ask a person to look again at the question.

/** One certified response as quality needs it: its school's discipline (which items apply) and its answers. */
export type QualityResponse = { discipline: Discipline; answers: ReadonlyMap<string, Answer | null> }

/** ≥ 95 % of substantive answers in one option: the question hardly tells schools apart. */
export const ALIKE_SHARE = 0.95
/** ≥ 50 % of the schools asked say "Don't know": the question asks for something schools do not track. */
export const DONT_KNOW_SHARE = 0.5

export type CategoryKind = 'answer' | 'dont-know' | 'not-applicable' | 'missing' | 'skipped'
export type PublishedCategory = { key: string; label: string; kind: CategoryKind; count: PublishedCount }
export type ItemFlag = 'alike' | 'dont-know'
export type ItemRest = { r: number | null; n: number }

export type ItemQuality = {
  itemId: string
  areaId: string
  text: string
  kind: Item['kind']
  scored: boolean
  /** Schools the item applies to (by discipline), published like any count. */
  applicable: PublishedCount
  /** Mutually exclusive: every applicable school is in exactly one. Counts under the small-count rule. */
  categories: PublishedCategory[]
  /** Multiple choice only: per option, how many of those who answered ticked it (ticked vs not, under the rule). */
  ticks: PublishedCategory[]
  /** Shares of the schools asked (shown the question); null when the count, or the number asked, is not shown. */
  dontKnowRate: number | null
  missingRate: number | null
  /** Scored items: Pearson's r between the item's points and the area score without it; r null under k pairs. */
  itemRest: ItemRest | null
  flags: ItemFlag[]
  /** The option nearly everyone chose, when flagged "alike". */
  alikeLabel: string | null
}

export type AreaReliability = { areaId: string; items: number; alpha: number | null; /** complete cases */ n: number }
export type InstrumentQuality = { items: ItemQuality[]; areas: AreaReliability[] }

type Tally = { key: string; label: string; kind: CategoryKind }

/** The substantive answer categories of an item, and the one an answer falls in (null when it has none). */
function answerCategories(item: Item): { tallies: Tally[]; of: (a: Answer) => string | null } {
  const answer = (key: string, label: string): Tally => ({ key, label, kind: 'answer' })
  switch (item.kind) {
    case 'yes-no':
      return { tallies: [answer('yes', 'Yes'), answer('no', 'No')], of: (a) => (typeof a === 'boolean' ? (a ? 'yes' : 'no') : null) }
    case 'single-choice':
      return { tallies: item.options.map((o) => answer(o.id, o.label)), of: (a) => (typeof a === 'string' ? a : null) }
    case 'likert':
      return { tallies: item.anchors.map((label, i) => answer(String(i), `${i}: ${label}`)), of: (a) => (typeof a === 'number' ? String(a) : null) }
    case 'number': {
      const bands = item.bands
      if (!bands) return { tallies: [answer('answered', 'Answered')], of: () => 'answered' }
      const tallies = [answer('below', `Below ${bands[0]!.min}`), ...bands.map((b, i) => answer(`band-${i}`, i + 1 < bands.length ? `${b.min} to under ${bands[i + 1]!.min}` : `${b.min} or more`))]
      return {
        tallies,
        of: (a) => {
          if (typeof a !== 'number') return null
          let at = 'below'
          bands.forEach((b, i) => {
            if (a >= b.min) at = `band-${i}`
          })
          return at
        },
      }
    }
    default:
      // Multiple choice (ticks counted apart), tables and free text: answered or not.
      return { tallies: [answer('answered', 'Answered')], of: () => 'answered' }
  }
}

function escapeTallies(item: Item, hasSkip: boolean): Tally[] {
  return [
    ...(item.dontKnow ? [{ key: 'dont-know', label: 'Don’t know', kind: 'dont-know' as const }] : []),
    ...(item.notApplicable ? [{ key: 'not-applicable', label: 'Not applicable', kind: 'not-applicable' as const }] : []),
    { key: 'missing', label: 'Not answered', kind: 'missing' as const },
    ...(hasSkip ? [{ key: 'skipped', label: 'Skipped (question not shown)', kind: 'skipped' as const }] : []),
  ]
}

function categoryOf(answer: Answer | null | undefined, shown: boolean, of: (a: Answer) => string | null): string {
  if (!shown) return 'skipped'
  if (answer === null || answer === undefined) return 'missing'
  if (isEscape(answer)) return answer.escape
  return of(answer) ?? 'missing'
}

const share = (count: PublishedCount, asked: number | null) => (count.kind === 'shown' && asked !== null && asked > 0 ? count.value / asked : null)

/** The quality of every item and the reliability of every area, over the given certified responses. */
export function instrumentQuality(instrument: Instrument, responses: readonly QualityResponse[], k = K_MIN_COUNT): InstrumentQuality {
  const conditional = conditionalItems(instrument)
  const visible = responses.map((r) => visibleItemIds(conditional, (id) => r.answers.get(id) ?? undefined))
  const outcomes = responses.map((r) => indicatorOutcomes(instrument, r.discipline, r.answers))

  const items = itemsOf(instrument).map(({ item, area }): ItemQuality => {
    const hasSkip = item.showIf !== undefined
    const { tallies: answerTallies, of } = answerCategories(item)
    const tallies = [...answerTallies, ...escapeTallies(item, hasSkip)]
    const counts = new Map(tallies.map((t) => [t.key, 0]))
    const optionTicks = item.kind === 'multiple-choice' ? new Map(item.options.map((o) => [o.id, 0])) : null
    let applicable = 0
    responses.forEach((r, i) => {
      if (!appliesTo(item, r.discipline)) return
      applicable++
      const answer = r.answers.get(item.id)
      const key = categoryOf(answer, visible[i]!.has(item.id), of)
      counts.set(key, (counts.get(key) ?? 0) + 1)
      if (optionTicks && key === 'answered' && Array.isArray(answer)) for (const id of answer as readonly string[]) optionTicks.set(id, (optionTicks.get(id) ?? 0) + 1)
    })
    const published = publishCountList(tallies.map((t) => counts.get(t.key)!), k)
    const categories = tallies.map((t, i) => ({ ...t, count: published.counts[i]! }))
    const skipped = counts.get('skipped') ?? 0
    const skippedShown = !hasSkip || categories.find((c) => c.kind === 'skipped')!.count.kind === 'shown'
    const askedTrue = applicable - skipped
    const asked = published.total.kind === 'shown' && skippedShown ? askedTrue : null
    const answeredTrue = answerTallies.reduce((sum, t) => sum + counts.get(t.key)!, 0)
    const ticks = optionTicks && item.kind === 'multiple-choice'
      ? item.options.map((o) => {
          const ticked = optionTicks.get(o.id) ?? 0
          return { key: o.id, label: o.label, kind: 'answer' as const, count: publishCountList([ticked, answeredTrue - ticked], k).counts[0]! }
        })
      : []
    const top = answerTallies.length > 1 ? answerTallies.reduce((best, t) => (counts.get(t.key)! > counts.get(best.key)! ? t : best)) : null
    // Flags are coarse statements about the true counts, made only when enough schools were asked to publish them.
    const enough = askedTrue >= k
    const alike = enough && top !== null && answeredTrue >= k && counts.get(top.key)! >= ALIKE_SHARE * answeredTrue
    const dk = enough && item.dontKnow && counts.get('dont-know')! >= DONT_KNOW_SHARE * askedTrue
    const flags: ItemFlag[] = [...(alike ? ['alike' as const] : []), ...(dk ? ['dont-know' as const] : [])]
    return {
      itemId: item.id,
      areaId: area.id,
      text: item.text,
      kind: item.kind,
      scored: item.scored && item.kind !== 'free-text',
      applicable: published.total,
      categories,
      ticks,
      dontKnowRate: item.dontKnow ? share(categories.find((c) => c.kind === 'dont-know')!.count, asked) : null,
      missingRate: share(categories.find((c) => c.kind === 'missing')!.count, asked),
      itemRest: null,
      flags,
      alikeLabel: alike ? top!.label : null,
    }
  })

  const byId = new Map(items.map((q) => [q.itemId, q]))
  const areas: AreaReliability[] = []
  for (const domain of instrument.domains) {
    for (const area of domain.areas) {
      const scoredIds = area.items.filter((it) => byId.get(it.id)?.scored).map((it) => it.id)
      // Item–rest: each school where the item counted, its points against the area's score from the other items.
      for (const id of scoredIds) {
        const x: number[] = []
        const y: number[] = []
        for (const o of outcomes) {
          const counted = o.get(area.id) ?? []
          const mine = counted.find((c) => c.itemId === id)
          if (!mine) continue
          const restMax = counted.reduce((s, c) => s + c.max, 0) - mine.max
          if (restMax <= 0) continue
          x.push(mine.earned)
          y.push((100 * (counted.reduce((s, c) => s + c.earned, 0) - mine.earned)) / restMax)
        }
        byId.get(id)!.itemRest = { r: x.length >= k ? pearson(x, y) : null, n: x.length }
      }
      // Alpha over complete cases: schools where every scored item of the area counted.
      const rows: number[][] = []
      for (const o of outcomes) {
        const counted = new Map((o.get(area.id) ?? []).map((c) => [c.itemId, c.earned]))
        if (scoredIds.every((id) => counted.has(id))) rows.push(scoredIds.map((id) => counted.get(id)!))
      }
      areas.push({ areaId: area.id, items: scoredIds.length, alpha: rows.length >= k ? cronbachAlpha(rows) : null, n: rows.length })
    }
  }
  return { items, areas }
}

