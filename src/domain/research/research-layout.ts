import { instrumentForDiscipline } from '../instrument/instrument-applicability'
import type { Answer } from '../instrument/instrument-answers'
import { conditionalItems } from '../instrument/instrument-form'
import { visibleItemIds } from '../instrument/condition-visibility'
import { ITEM_KIND_LABELS, itemsOf, maxPoints, type Instrument, type Item } from '../instrument/instrument-model'
import { CARNEGIE_GROUPS, CARNEGIE_LABELS, CONTROLS, DISCIPLINES, DISCIPLINE_LABELS, type Discipline } from '../school/school-facts'
import { encodeItem, itemParts, missingCodesOf, MISSING_CODE_LABELS, valueCodesOf, type ItemState } from './answer-codes'
import { CENSUS_REGIONS, CENSUS_REGION_LABELS } from './census-regions'
import type { ReleasedQuasiIdentifiers } from './deidentify'
import { variableNames } from './variable-names'

// The variables of a cycle's research file and how one response becomes one row of it (decision 134). Pure: the
// export service reads the rows from the database and hands each here; the format writers spell the result.

/** A variable as every format writer takes it (the shape of formats/dataset.ts `DatasetVariable`). */
export type ResearchVariable = {
  name: string
  label: string
  type: 'numeric' | 'string'
  width?: number
  decimals?: number
  valueLabels?: { value: number; label: string }[]
  missingCodes?: number[]
  measure: 'nominal' | 'ordinal' | 'scale'
}

/** What the codebook says about a variable beyond the variable itself. */
export type CodebookFacts = { questionText?: string; itemKind?: string; points?: string; area?: string; domain?: string; skipCondition?: string }

/** The code of a quasi-identifier that was suppressed, and of one generalised to "all" (decision 133). */
export const SUPPRESSED_CODE = -5
export const ALL_CODE = 0
const QI_MISSING = { valueLabels: [{ value: ALL_CODE, label: 'All (combined to protect schools)' }, { value: SUPPRESSED_CODE, label: 'Suppressed (to protect schools)' }], missingCodes: [SUPPRESSED_CODE] }

const DISCIPLINE_CODE = new Map<string, number>(DISCIPLINES.map((d, i) => [d, i + 1]))
const CONTROL_CODE = new Map<string, number>(CONTROLS.map((c, i) => [c, i + 1]))
const REGION_CODE = new Map<string, number>(CENSUS_REGIONS.map((r, i) => [r, i + 1]))
const CARNEGIE_CODE = new Map<string, number>([...CARNEGIE_GROUPS.map((g, i) => [g, i + 1] as const), ['doctoral', 11], ['non-doctoral', 13]])
const codeOf = (codes: Map<string, number>, value: string) => (value === 'all' ? ALL_CODE : value === 'suppressed' ? SUPPRESSED_CODE : codes.get(value)!)

const label = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Identified exports (program team only) add these after the study id. */
const IDENTIFYING: ResearchVariable[] = [
  { name: 'school_name', label: 'School name', type: 'string', width: 255, measure: 'nominal' },
  { name: 'ipeds_unit_id', label: 'IPEDS unit id', type: 'numeric', decimals: 0, measure: 'nominal' },
  { name: 'state', label: 'State (postal code)', type: 'string', width: 2, measure: 'nominal' },
]

export type ItemColumns = { item: Item; names: string[] }

export type ResearchLayout = {
  variables: ResearchVariable[]
  codebook: (ResearchVariable & CodebookFacts)[]
  items: ItemColumns[]
  /** Items with no variable (free text), for the README. */
  excluded: Item[]
  areaIds: string[]
  domainIds: string[]
  identified: boolean
}

function pointsOf(item: Item): string | undefined {
  if (!item.scored) return 'not scored'
  switch (item.kind) {
    case 'yes-no':
      return `yes ${item.points.yes}, no ${item.points.no}`
    case 'single-choice':
      return item.options.map((o, i) => `${i + 1}: ${o.points}`).join('; ')
    case 'multiple-choice':
      return `${item.options.map((o) => `${o.label}: ${o.points}`).join('; ')}${item.cap === undefined ? '' : `; at most ${item.cap}`}`
    case 'likert':
      return 'code 1–5 earns 0–4'
    case 'number':
      return item.bands ? item.bands.map((b) => `≥ ${b.min}: ${b.points}`).join('; ') : `up to ${maxPoints(item)}`
    case 'table':
      return item.ratio ? `ratio bands ${item.ratio.bands.map((b) => `≥ ${b.min}: ${b.points}`).join('; ')}` : 'not scored'
    case 'free-text':
      return undefined
  }
}

function skipConditionOf(item: Item): string | undefined {
  const parts = [
    ...(item.showIf ? [`shown if ${item.showIf}`] : []),
    ...(item.disciplines ? [`asked of ${item.disciplines.map((d) => DISCIPLINE_LABELS[d]).join(', ')}`] : []),
  ]
  return parts.length > 0 ? parts.join('; ') : undefined
}

function itemVariable(item: Item, name: string, partLabel: string | null): ResearchVariable {
  const missingCodes = missingCodesOf(item)
  const codes = valueCodesOf(item)
  const numeric = item.kind === 'number' || item.kind === 'table'
  return {
    name,
    label: label(partLabel ? `${item.text}: ${partLabel}` : item.text),
    type: 'numeric',
    decimals: item.kind === 'number' && item.unit !== 'count' ? 2 : 0,
    valueLabels: [...codes, ...missingCodes.map((value) => ({ value, label: MISSING_CODE_LABELS[value]! }))],
    missingCodes,
    measure: numeric ? 'scale' : item.kind === 'likert' ? 'ordinal' : 'nominal',
  }
}

/** The variables of a research file for this instrument version, in file order. */
export function researchLayout(instrument: Instrument, options: { identified: boolean }): ResearchLayout {
  const seen = new Set<string>()
  const entries = itemsOf(instrument).filter(({ item }) => !seen.has(item.id) && seen.add(item.id))
  const kept = entries.filter(({ item }) => itemParts(item).length > 0)
  const areas = instrument.domains.flatMap((d) => d.areas)
  const areaIds = [...new Set(areas.map((a) => a.id))]
  const domainIds = instrument.domains.map((d) => d.id)
  const names = variableNames([
    ...kept.flatMap(({ item }) => itemParts(item).map((p) => (p.key === null ? [item.id] as const : [item.id, p.key] as const))),
    ...areaIds.map((id) => ['area-score', id] as const),
    ...domainIds.map((id) => ['domain-score', id] as const),
  ])
  let next = 0
  const items: ItemColumns[] = []
  const itemVars: (ResearchVariable & CodebookFacts)[] = []
  for (const { item, area, domain } of kept) {
    const parts = itemParts(item)
    const mine = parts.map(() => names[next++]!)
    items.push({ item, names: mine })
    parts.forEach((part, i) => itemVars.push({
      ...itemVariable(item, mine[i]!, part.label),
      questionText: label(item.text),
      itemKind: ITEM_KIND_LABELS[item.kind],
      ...optional('points', pointsOf(item)),
      area: area.title,
      domain: domain.title,
      ...optional('skipCondition', skipConditionOf(item)),
    }))
  }
  const score = (name: string, text: string, facts: CodebookFacts): ResearchVariable & CodebookFacts =>
    ({ name, label: text, type: 'numeric', decimals: 2, measure: 'scale', ...facts })
  const areaVars = areaIds.map((id) => {
    const area = areas.find((a) => a.id === id)!
    const domain = instrument.domains.find((d) => d.areas.some((a) => a.id === id))!
    return score(names[next++]!, `Area score: ${area.title}`, { area: area.title, domain: domain.title, itemKind: 'Score 0–100' })
  })
  const domainVars = domainIds.map((id) => {
    const domain = instrument.domains.find((d) => d.id === id)!
    return score(names[next++]!, `Domain score: ${domain.title}`, { domain: domain.title, itemKind: 'Score 0–100' })
  })
  const head: (ResearchVariable & CodebookFacts)[] = [
    { name: 'study_id', label: 'Study id (random, this round only)', type: 'string', width: 7, measure: 'nominal' },
    ...(options.identified ? IDENTIFYING : []),
    { name: 'discipline', label: 'Discipline', type: 'numeric', decimals: 0, measure: 'nominal', valueLabels: [...DISCIPLINES.map((d, i) => ({ value: i + 1, label: DISCIPLINE_LABELS[d] })), QI_MISSING.valueLabels[1]!], missingCodes: QI_MISSING.missingCodes },
    { name: 'control', label: 'Control (public or private)', type: 'numeric', decimals: 0, measure: 'nominal', valueLabels: [{ value: 1, label: 'Public' }, { value: 2, label: 'Private' }, ...QI_MISSING.valueLabels], missingCodes: QI_MISSING.missingCodes },
    {
      name: 'carnegie', label: 'Carnegie classification group (2021)', type: 'numeric', decimals: 0, measure: 'nominal',
      valueLabels: [...CARNEGIE_GROUPS.map((g, i) => ({ value: i + 1, label: CARNEGIE_LABELS[g] })), { value: 11, label: 'Doctoral: R1, R2 or other doctoral (combined)' }, { value: 13, label: 'Master’s, baccalaureate, associate or other (combined)' }, ...QI_MISSING.valueLabels],
      missingCodes: QI_MISSING.missingCodes,
    },
    { name: 'region', label: 'Census region', type: 'numeric', decimals: 0, measure: 'nominal', valueLabels: [...CENSUS_REGIONS.map((r, i) => ({ value: i + 1, label: CENSUS_REGION_LABELS[r] })), ...QI_MISSING.valueLabels], missingCodes: QI_MISSING.missingCodes },
    { name: 'instrument_version', label: 'Instrument version', type: 'string', width: Math.max(1, new TextEncoder().encode(instrument.id).length), measure: 'nominal' },
  ]
  const overall = score('overall_score', 'Overall score (mean of the area scores)', { itemKind: 'Score 0–100' })
  const codebook = [...head, ...itemVars, ...areaVars, ...domainVars, overall]
  return {
    codebook,
    variables: codebook.map(({ questionText: _q, itemKind: _k, points: _p, area: _a, domain: _d, skipCondition: _s, ...variable }) => variable),
    items,
    excluded: entries.filter(({ item }) => itemParts(item).length === 0).map(({ item }) => item),
    areaIds,
    domainIds,
    identified: options.identified,
  }
}

const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>))

/** One certified response as the database gives it, with its released quasi-identifiers. */
export type ResponseFacts = {
  studyId: string
  discipline: Discipline
  released: ReleasedQuasiIdentifiers
  instrumentVersion: string
  answers: ReadonlyMap<string, Answer | null>
  areas: Record<string, number | null> | null
  domains: Record<string, number | null> | null
  overall: number | null
  identity?: { schoolName: string; ipedsUnitId: number | null; state: string }
}

/** What the response says about an item: skipped when the school was not shown it, else its answer or missing. */
function stateOf(item: Item, visible: ReadonlySet<string>, answers: ReadonlyMap<string, Answer | null>): ItemState {
  if (!visible.has(item.id)) return { kind: 'skipped' }
  const answer = answers.get(item.id)
  return answer === null || answer === undefined ? { kind: 'missing' } : { kind: 'answered', answer }
}

function scoreOf(scores: Record<string, number | null> | null, id: string): number | null {
  const value = scores?.[id]
  return typeof value === 'number' ? value : null
}

/** One row, in the layout's variable order. Written as plain loops: it runs for every row of every export. */
export function researchRow(instrument: Instrument, layout: ResearchLayout, facts: ResponseFacts): (number | string | null)[] {
  const answers = facts.answers
  const visible = visibleItemIds(conditionalItems(instrumentForDiscipline(instrument, facts.discipline)), (id) => answers.get(id) ?? undefined)
  const r = facts.released
  const row: (number | string | null)[] = [facts.studyId]
  if (layout.identified) row.push(facts.identity?.schoolName ?? null, facts.identity?.ipedsUnitId ?? null, facts.identity?.state ?? null)
  row.push(codeOf(DISCIPLINE_CODE, r.discipline), codeOf(CONTROL_CODE, r.control), codeOf(CARNEGIE_CODE, r.carnegie), codeOf(REGION_CODE, r.region), facts.instrumentVersion)
  for (const { item } of layout.items) for (const code of encodeItem(item, stateOf(item, visible, answers))) row.push(code)
  for (const id of layout.areaIds) row.push(scoreOf(facts.areas, id))
  for (const id of layout.domainIds) row.push(scoreOf(facts.domains, id))
  row.push(facts.overall)
  return row
}
