import type { z } from 'zod'
import { checkCondition } from './condition-check'
import { parseCondition } from './condition-language'
import {
  AreaSchema,
  DomainSchema,
  InstrumentHeadSchema,
  ItemSchema,
  maxPoints,
  type Area,
  type Domain,
  type Instrument,
  type Item,
} from './instrument-model'

export type Path = readonly (string | number)[]
/** One problem in an instrument file: where (a path into the document), which item if any, and what is wrong. */
export type InstrumentIssue = { path: Path; itemId?: string | undefined; message: string }
export type ValidationResult = { ok: true; instrument: Instrument } | { ok: false; issues: InstrumentIssue[] }

const RESERVED_OPTION_IDS = ['dont-know', 'not-applicable']

/**
 * Turns the parsed content of an instrument file into the model, or lists every problem found. All or nothing:
 * an instrument with any problem is never returned, so it can never load partially.
 */
export function validateInstrument(raw: unknown): ValidationResult {
  const issues: InstrumentIssue[] = []
  const parse = <S extends z.ZodType>(schema: S, value: unknown, path: Path, itemId?: string): z.infer<S> | undefined => {
    const result = schema.safeParse(value)
    if (result.success) return result.data
    for (const issue of result.error.issues) issues.push({ path: [...path, ...(issue.path as (string | number)[])], itemId, message: describeIssue(issue) })
    return undefined
  }

  const head = parse(InstrumentHeadSchema, raw, [])
  if (!head) return { ok: false, issues }
  const domains: Domain[] = []
  head.domains.forEach((rawDomain, d) => {
    const domain = parse(DomainSchema, rawDomain, ['domains', d])
    if (!domain) return
    const areas: Area[] = []
    domain.areas.forEach((rawArea, a) => {
      const areaPath = ['domains', d, 'areas', a]
      const area = parse(AreaSchema, rawArea, areaPath)
      if (!area) return
      if (area.items.length === 0) issues.push({ path: areaPath, message: `area ${area.id} has no items` })
      const items: Item[] = []
      area.items.forEach((rawItem, i) => {
        const id = typeof rawItem === 'object' && rawItem !== null && 'id' in rawItem ? String(rawItem.id) : undefined
        const parsed = parse(ItemSchema, rawItem, [...areaPath, 'items', i], id)
        if (parsed) items.push(withDefaults(parsed))
      })
      areas.push({ ...area, items })
    })
    domains.push({ ...domain, areas })
  })
  if (issues.length > 0) return { ok: false, issues }

  const instrument: Instrument = { ...head, domains }
  issues.push(...checkStructure(instrument))
  return issues.length > 0 ? { ok: false, issues } : { ok: true, instrument }
}

function withDefaults(item: z.infer<typeof ItemSchema>): Item {
  const scored = item.scored ?? item.kind !== 'free-text'
  return { ...item, scored, required: item.required ?? scored, dontKnow: item.dontKnow ?? scored }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field}is required`
  return `${field}${issue.message}`
}

/** The rules a schema cannot express: unique ids, ids matching their area, scoring that can earn points, sound conditions. */
function checkStructure(instrument: Instrument): InstrumentIssue[] {
  const issues: InstrumentIssue[] = []
  const allIds = new Set<string>()
  const earlier = new Map<string, Item>()
  const domainIds = new Set<string>()
  const areaIds = new Set<string>()
  instrument.domains.forEach((domain, d) => {
    if (domainIds.has(domain.id)) issues.push({ path: ['domains', d, 'id'], message: `domain id ${domain.id} is used twice` })
    domainIds.add(domain.id)
    domain.areas.forEach((area, a) => {
      if (areaIds.has(area.id)) issues.push({ path: ['domains', d, 'areas', a, 'id'], message: `area id ${area.id} is used twice` })
      areaIds.add(area.id)
      area.items.forEach((item, i) => {
        const path = ['domains', d, 'areas', a, 'items', i]
        if (allIds.has(item.id)) issues.push({ path: [...path, 'id'], itemId: item.id, message: `item id ${item.id} is used twice` })
        allIds.add(item.id)
        if (!item.id.startsWith(`${area.id}.`)) issues.push({ path: [...path, 'id'], itemId: item.id, message: `item id must start with its area id, "${area.id}."` })
        for (const message of itemProblems(item)) issues.push({ path, itemId: item.id, message })
      })
    })
  })
  // Conditions are checked in reading order, each against the items before it.
  instrument.domains.forEach((domain, d) =>
    domain.areas.forEach((area, a) =>
      area.items.forEach((item, i) => {
        if (item.showIf !== undefined) {
          const path = ['domains', d, 'areas', a, 'items', i, 'showIf']
          const parsed = parseCondition(item.showIf)
          if (!parsed.ok) issues.push({ path, itemId: item.id, message: `showIf: ${parsed.message} (at column ${parsed.column})` })
          else for (const problem of checkCondition(parsed.condition, earlier, allIds)) issues.push({ path, itemId: item.id, message: `showIf ${problem}` })
        }
        earlier.set(item.id, item)
      }),
    ),
  )
  if (instrument.crosswalk) {
    const mapped = instrument.crosswalk.areas
    for (const from of Object.keys(mapped)) {
      if (!areaIds.has(from)) issues.push({ path: ['crosswalk', 'areas', from], message: `crosswalk names area ${from}, which is not in this instrument` })
    }
    for (const area of areaIds) {
      if (!(area in mapped)) issues.push({ path: ['crosswalk', 'areas'], message: `crosswalk does not say where area ${area} went` })
    }
  }
  return issues
}

function itemProblems(item: Item): string[] {
  const problems: string[] = []
  if ('options' in item) {
    const ids = item.options.map((o) => o.id)
    if (new Set(ids).size !== ids.length) problems.push('two options share an id')
    if (ids.some((id) => RESERVED_OPTION_IDS.includes(id))) problems.push('option ids "dont-know" and "not-applicable" are reserved for the escape answers')
  }
  if (item.kind === 'free-text' && item.scored) problems.push('a free-text item cannot be scored')
  if (item.kind === 'number') {
    if (item.scored && !item.bands) problems.push('a scored number item needs bands (points by value)')
    if (item.min !== undefined && item.max !== undefined && item.min > item.max) problems.push('min is above max')
    if (item.unit === 'percent' && ((item.min ?? 0) < 0 || (item.max ?? 100) > 100)) problems.push('a percent lies between 0 and 100')
  }
  if (item.kind === 'table') {
    if (item.scored && !item.ratio) problems.push('a scored table needs a ratio (numerator, denominator, bands)')
    const cells = new Set(item.rows.flatMap((r) => item.columns.map((c) => `${r.id}.${c.id}`)))
    for (const cell of [...(item.ratio?.numerator ?? []), ...(item.ratio?.denominator ?? [])]) {
      if (!cells.has(cell)) problems.push(`ratio names cell ${cell}, which is not a "row.column" of this table`)
    }
  }
  if (item.scored && item.kind !== 'free-text' && maxPoints(item) <= 0) problems.push('a scored item must be able to earn some points')
  return problems
}
