import { K_MIN_COUNT } from '../../../domain/privacy/small-counts'
import type { BreakdownTable, PublishedRow } from '../../../domain/research/aggregate-results'
import { BREAKDOWN_LABELS } from '../../../domain/research/breakdowns'
import type { GroupComparison } from '../../../domain/research/group-comparison'
import { pText } from '../../../domain/research/published-cells'
import type { MetricInfo, ResultsView } from '../../../services/research/aggregate-results'
import { ChartFigure } from '../../charts/accessible-chart'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField } from '../form-fields'
import { TableScroll } from '../table-scroll'
import { AnalysisHeader, oneDecimal } from './analysis-header'
import { Count } from './published-count'

/** The box plot SVG of each breakdown of the chosen metric, drawn by the route (charts render asynchronously). */
export type BreakdownCharts = Map<string, string>

function StatCells({ row }: { row: PublishedRow }) {
  const s = row.stats
  return (
    <>
      <td class="num">
        <Count count={row.n} />
      </td>
      {s ? (
        <>
          <td class="num">{oneDecimal(s.mean)}</td>
          <td class="num">{oneDecimal(s.sd)}</td>
          <td class="num">{oneDecimal(s.median)}</td>
          <td class="num">
            {oneDecimal(s.q1)} to {oneDecimal(s.q3)}
          </td>
        </>
      ) : (
        <td colspan={4}>{row.n.kind === 'fewer-than-k' ? `Fewer than ${K_MIN_COUNT} schools: not shown` : 'Not shown, to protect a small group'}</td>
      )}
    </>
  )
}

const HEAD = ['n', 'Mean', 'SD', 'Median', 'Q1 to Q3']

function StatTable({ caption, first, rows }: { caption: string; first: string; rows: { label: string; row: PublishedRow }[] }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {HEAD.map((h) => (
              <th scope="col" class="num">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, row }) => (
            <tr>
              <th scope="row">{label}</th>
              <StatCells row={row} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

function Comparison({ comparison }: { comparison: GroupComparison | null }) {
  if (!comparison) return <p>No group comparison: fewer than two groups of {K_MIN_COUNT} or more schools are shown, or every score is the same.</p>
  const kw = comparison.kruskalWallis
  const a = comparison.anova
  return (
    <p class="group-test">
      Kruskal–Wallis test across the {comparison.groups} groups shown ({comparison.n} schools): H = {kw.h.toFixed(2)}, df = {kw.df}, p = {pText(kw.p)},
      ε² = {kw.epsilonSquared.toFixed(3)}.
      {a && (
        <>
          {' '}One-way ANOVA, for comparison: F({a.dfBetween}, {a.dfWithin}) = {a.f.toFixed(2)}, p = {pText(a.p)}, η² = {a.etaSquared.toFixed(3)}.
        </>
      )}
    </p>
  )
}

function chartTable(table: BreakdownTable, metric: MetricInfo) {
  return {
    caption: `${metric.label} by ${BREAKDOWN_LABELS[table.breakdown].toLowerCase()}: median and quartiles`,
    columns: ['Group', 'Q1', 'Median', 'Q3', 'Mean'],
    rows: table.rows.map((r) => (r.stats ? [r.label, oneDecimal(r.stats.q1), oneDecimal(r.stats.median), oneDecimal(r.stats.q3), oneDecimal(r.stats.mean)] : [r.label, 'not shown', 'not shown', 'not shown', 'not shown'])),
  }
}

export function ResultsPage({ view, metricId, charts, form }: { view: ResultsView; metricId: string; charts: BreakdownCharts; form: FormState }) {
  const { cycle, availability } = view
  const base = `/research/cycles/${cycle.id}`
  if (!availability.ok) {
    return (
      <>
        <AnalysisHeader cycle={cycle} heading="Results" />
        <p class="notice">{availability.reason}</p>
      </>
    )
  }
  const metric = view.metrics.find((m) => m.id === metricId) ?? view.metrics[0]!
  const chosen = view.results.find((r) => r.metric === metric.id)!
  const overall = view.results[0]!.all
  return (
    <>
      <AnalysisHeader cycle={cycle} heading="Results" />
      <ErrorSummary form={form} />
      <p class="lede" id="summary">
        {overall.stats ? (
          <>
            Overall score: mean {oneDecimal(overall.stats.mean)} (SD {oneDecimal(overall.stats.sd)}), median {oneDecimal(overall.stats.median)}, n ={' '}
            {overall.stats.n}
          </>
        ) : (
          <>Overall score: fewer than {K_MIN_COUNT} schools have one, so nothing is shown.</>
        )}
      </p>
      <p>
        Scores are 0 to 100, from certified responses only. A group of fewer than {K_MIN_COUNT} schools shows “fewer than {K_MIN_COUNT}” instead of its
        figures; when the other groups and the total would give such a group away, the next smallest group is not shown either. Minimum and maximum are
        never shown: each is one school’s score. Quartiles are interpolated as in the schools’ reports.
      </p>
      <p>
        Download: <a href={`${base}/results/results.csv`}>all tables (CSV)</a> · <a href={`${base}/results/group-tests.csv`}>group comparisons (CSV)</a>.
        Each download is recorded in the audit log.
      </p>

      <h2>Every score, all schools</h2>
      <StatTable
        caption="Every score for all schools"
        first="Score"
        rows={view.results.map((r) => {
          const m = view.metrics.find((x) => x.id === r.metric)!
          return { label: m.level === 'area' ? `${m.label} (area)` : m.level === 'domain' ? `${m.label} (domain)` : m.label, row: r.all }
        })}
      />

      <h2 id="by-group">{metric.label} by group</h2>
      <form method="get" action={`${base}/results#by-group`} class="inline-form">
        <SelectField
          name="metric"
          label="Score to break down"
          form={{ ...form, values: { metric: form.values['metric'] ?? metric.id } }}
          options={view.metrics.map((m) => ({ value: m.id, label: m.level === 'area' ? `Area: ${m.label}` : m.level === 'domain' ? `Domain: ${m.label}` : m.label }))}
        />
        <button type="submit" class="button button-secondary">
          Show
        </button>
      </form>
      {chosen.breakdowns.map((table) => {
        const label = BREAKDOWN_LABELS[table.breakdown]
        const svg = charts.get(table.breakdown)
        return (
          <section aria-labelledby={`bd-${table.breakdown}`}>
            <h3 id={`bd-${table.breakdown}`}>By {label.toLowerCase()}</h3>
            <StatTable caption={`${metric.label} by ${label.toLowerCase()}`} first={label} rows={table.rows.map((row) => ({ label: row.label, row }))} />
            <Comparison comparison={table.comparison} />
            {svg && (
              <ChartFigure
                id={`box-${table.breakdown}`}
                svg={svg}
                title={`${metric.label} by ${label.toLowerCase()}`}
                description={`For each group shown: the middle half of its scores as a box, the median as a dark line and the mean as a ring. Groups too small to show are named without a box.`}
                table={chartTable(table, metric)}
              />
            )}
          </section>
        )
      })}
    </>
  )
}
