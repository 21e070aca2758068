import type { Db } from '../../db/client'
import type { Actor } from '../../domain/policy/roles'
import { K_MIN_COUNT } from '../../domain/privacy/small-counts'
import type { PublishedRow } from '../../domain/research/aggregate-results'
import { BREAKDOWN_LABELS } from '../../domain/research/breakdowns'
import { countText, pText, statText } from '../../domain/research/published-cells'
import { recordAudit } from '../audit'
import { csvWithBom } from '../csv-files'
import { researchResults } from './aggregate-results'
import { cycleSlug } from './export-formats'
import { researchQuality } from './instrument-quality'
import { AppError } from '../errors'

// The tables of the aggregate results and instrument quality pages as CSV files, with exactly the numbers the pages
// show and the same suppression marks in place of hidden ones. Every download is audited (actor, cycle, kind, rows).

export const ANALYSIS_DOWNLOADS = ['results', 'group-tests', 'quality-items', 'quality-answers', 'quality-areas'] as const
export type AnalysisDownload = (typeof ANALYSIS_DOWNLOADS)[number]

type Table = { cycleTitle: string; header: string[]; rows: (string | number)[][] }

const statCells = (row: PublishedRow) => [
  countText(row.n),
  ...(['mean', 'sd', 'median', 'q1', 'q3'] as const).map((s) => statText(row.n, row.stats?.[s])),
]

async function resultsTable(db: Db, actor: Actor, cycleId: string, kind: 'results' | 'group-tests'): Promise<Table> {
  const view = await researchResults(db, actor, cycleId)
  if (!view.availability.ok) throw new AppError('not_available', view.availability.reason, 409)
  const info = new Map(view.metrics.map((m) => [m.id, m]))
  const cycleTitle = view.cycle.title
  if (kind === 'results') {
    return {
      cycleTitle,
      header: ['metric_id', 'metric', 'level', 'breakdown', 'group', 'n', 'mean', 'sd', 'median', 'q1', 'q3'],
      rows: view.results.flatMap((r) => {
        const m = info.get(r.metric)!
        return [
          [m.id, m.label, m.level, 'all', r.all.label, ...statCells(r.all)],
          ...r.breakdowns.flatMap((b) => b.rows.map((row) => [m.id, m.label, m.level, b.breakdown, row.label, ...statCells(row)])),
        ]
      }),
    }
  }
  return {
    cycleTitle,
    header: ['metric_id', 'metric', 'breakdown', 'groups_compared', 'n', 'kruskal_wallis_h', 'df', 'p', 'epsilon_squared', 'anova_f', 'anova_df_between', 'anova_df_within', 'anova_p', 'eta_squared'],
    rows: view.results.flatMap((r) =>
      r.breakdowns.flatMap((b) => {
        const c = b.comparison
        if (!c) return []
        const a = c.anova
        return [[r.metric, info.get(r.metric)!.label, BREAKDOWN_LABELS[b.breakdown], c.groups, c.n, c.kruskalWallis.h.toFixed(3), c.kruskalWallis.df, pText(c.kruskalWallis.p),
          c.kruskalWallis.epsilonSquared.toFixed(3), a ? a.f.toFixed(3) : '', a?.dfBetween ?? '', a?.dfWithin ?? '', a ? pText(a.p) : '', a ? a.etaSquared.toFixed(3) : '']]
      }),
    ),
  }
}

/** A number of schools behind a statistic: under k it is itself a small count, so it carries the mark. */
const smallMarked = (n: number) => countText(n >= K_MIN_COUNT ? { kind: 'shown', value: n } : { kind: 'fewer-than-k' })

const rate = (r: number | null) => (r === null ? '' : (100 * r).toFixed(1))

async function qualityTable(db: Db, actor: Actor, cycleId: string, kind: 'quality-items' | 'quality-answers' | 'quality-areas'): Promise<Table> {
  const view = await researchQuality(db, actor, cycleId)
  if (!view.availability.ok || !view.quality) throw new AppError('not_available', view.availability.ok ? 'Nothing to download.' : view.availability.reason, 409)
  const { items, areas } = view.quality
  const cycleTitle = view.cycle.title
  if (kind === 'quality-items') {
    return {
      cycleTitle,
      header: ['item_id', 'area_id', 'question', 'kind', 'scored', 'schools_applicable', 'dont_know_pct', 'missing_pct', 'item_rest_r', 'item_rest_n', 'flags'],
      rows: items.map((q) => [q.itemId, q.areaId, q.text, q.kind, q.scored ? 'yes' : 'no', countText(q.applicable), rate(q.dontKnowRate), rate(q.missingRate),
        q.itemRest?.r === null || q.itemRest === null ? '' : q.itemRest.r.toFixed(3), q.itemRest === null ? '' : smallMarked(q.itemRest.n), q.flags.join(' ')]),
    }
  }
  if (kind === 'quality-answers') {
    return {
      cycleTitle,
      header: ['item_id', 'category', 'label', 'count'],
      rows: items.flatMap((q) => [
        ...q.categories.map((c) => [q.itemId, c.key, c.label, countText(c.count)]),
        ...q.ticks.map((t) => [q.itemId, `ticked:${t.key}`, `Ticked: ${t.label}`, countText(t.count)]),
      ]),
    }
  }
  return {
    cycleTitle,
    header: ['area_id', 'scored_items', 'cronbach_alpha', 'complete_cases'],
    rows: areas.map((a) => [a.areaId, a.items, a.alpha === null ? '' : a.alpha.toFixed(3), smallMarked(a.n)]),
  }
}

/** One analysis table as a CSV file; audited as `research.aggregates-downloaded`. */
export async function analysisCsv(db: Db, actor: Actor, cycleId: string, kind: AnalysisDownload, ip: string | null = null) {
  const table = kind === 'results' || kind === 'group-tests' ? await resultsTable(db, actor, cycleId, kind) : await qualityTable(db, actor, cycleId, kind)
  await db.transaction((tx) => recordAudit(tx, actor, 'research.aggregates-downloaded', { subject: cycleId, details: { kind, rows: table.rows.length } }, { ip }))
  return { filename: `smm-${cycleSlug(table.cycleTitle)}-${kind}.csv`, csv: csvWithBom(table.header, table.rows) }
}
