import type { Placement } from '../../../domain/benchmark/comparison-groups'
import type { AreaResult, ReportView } from '../../../services/reports/report-view'
import type { FormState } from '../../form'
import { ChartFigure } from '../../charts/accessible-chart'
import { TableScroll } from '../table-scroll'
import { ErrorSummary } from '../form-fields'
import { chartDescription, GROUP_LABELS, groupLine, importedTrendNote, placementText, placementWords, revisionNotice, scoreText, snapshotLine, trendColumnLabel, trendNote } from './report-text'
import { AreaDriversSection } from './report-area-drivers'
import { ReportMethodsSection } from './report-methods-section'
import { ActionPlanSection } from './report-plan-section'
import { ReportSummarySection } from './report-summary-section'

function PlacementCell({ p }: { p: Placement }) {
  if (p.kind !== 'placed') return <td class={p.kind === 'not-enough' ? 'muted' : ''}>{placementText(p)}</td>
  return (
    <td>
      <span aria-hidden="true" class="stars">{placementText(p)}</span>
      <span class="visually-hidden">{placementWords(p)}</span>
      <span class="report-group">{groupLine(p)}</span>
    </td>
  )
}

function AreaTable({ areas }: { areas: AreaResult[] }) {
  const showTargets = areas.some((a) => a.previousTarget !== null)
  return (
    <TableScroll label="Score and stars per area">
      <table>
        <caption>Score and stars per area</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Domain</th>
            <th scope="col" class="num">Score</th>
            {showTargets && <th scope="col" class="num">Target set last cycle</th>}
            <th scope="col">Vs {GROUP_LABELS.similar}</th>
            <th scope="col">Vs {GROUP_LABELS.all}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr>
              <th scope="row">{a.title}</th>
              <td>{a.domainTitle}</td>
              <td class="num">{scoreText(a.score)}</td>
              {showTargets && (
                <td class="num">
                  {a.previousTarget === null ? '—' : `${a.previousTarget} ${a.score !== null && a.score >= a.previousTarget ? '(met)' : '(not met)'}`}
                </td>
              )}
              <PlacementCell p={a.vsSimilar} />
              <PlacementCell p={a.vsAll} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

function TrendSection({ view }: { view: ReportView }) {
  if (view.trend.length < 2) return <p class="muted">This is your school’s first scored cycle: its trend starts here.</p>
  const differs = view.trend.some((t) => t.versionDiffers)
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      {differs && <p class="notice">{trendNote}</p>}
      {view.trend.some((t) => t.importedYear !== null) && <p class="notice">{importedTrendNote}</p>}
      <TableScroll label="Scores by cycle, oldest first">
        <table>
          <caption>Scores by cycle, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {view.trend.map((t) => <th scope="col" class="num">{trendColumnLabel(t)}{t.current ? ' (this report)' : ''}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Overall</th>
              {view.trend.map((t) => <td class="num">{scoreText(t.overall)}</td>)}
            </tr>
            {view.areas.map((a) => (
              <tr>
                <th scope="row">{a.title}</th>
                {view.trend.map((t) => <td class="num">{scoreText(t.areas?.[a.id] ?? null)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}

/** Where notices about the whole report go (not released yet; others, such as a re-scored report, join here). */
function ReportNotices({ view }: { view: ReportView }) {
  return (
    <>
      {!view.released && <p class="notice notice-warning">Not released yet: only the program team can see this report.</p>}
      {view.revision && <p class="notice notice-warning" role="note">{revisionNotice(view)}</p>}
    </>
  )
}

/**
 * The confidential report: a summary that says what the result means before any label, the action plan, then the
 * areas (table, chart, the answers that drove each score), domains, trend and how the comparison works. An error
 * in the action plan is summarised at the very top, linked to its field.
 */
export function ReportPage({ view, chartSvg, form }: { view: ReportView; chartSvg: string; form?: FormState | undefined }) {
  return (
    <div class="report-page">
      {form && <ErrorSummary form={form} />}
      <p class="muted">Confidential: for {view.school.name}’s leadership and the program team.</p>
      <h1>{view.school.name}: {view.cycle.title}</h1>
      <p class="small">{snapshotLine(view)}</p>
      <ReportNotices view={view} />
      <p class="report-actions">
        <a class="button" href={`/school/reports/${view.responseId}.pdf`}>Download the PDF</a>
      </p>
      <ReportSummarySection view={view} />
      <ActionPlanSection view={view} form={form} />
      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Areas</h2>
        <p class="hint">Stars: ★★★★ top quartile, ★★★ second, ★★ third, ★ fourth. Each area is compared with similar schools; with fewer than 5 similar schools, your discipline is used instead.</p>
        <AreaTable areas={view.areas} />
        <ChartFigure
          id="area-chart"
          class="report-chart"
          svg={chartSvg}
          title="Your score per area against similar schools (blue diamond: you; grey band: middle half of the group; dark tick: median)"
          description={chartDescription(view)}
          table={{
            caption: 'Your score, the group size, median and quartile range per area',
            columns: ['Area', 'Your score', 'Schools in group', 'Group Q1', 'Group median', 'Group Q3'],
            rows: view.areas.map((a) => {
              const d = a.vsSimilar.kind === 'placed' ? a.vsSimilar.distribution : null
              return [a.title, scoreText(a.score), d ? d.n : '—', d ? scoreText(d.q1) : '—', d ? scoreText(d.median) : '—', d ? scoreText(d.q3) : '—']
            }),
          }}
        />
      </section>
      <AreaDriversSection view={view} />
      <section aria-labelledby="domains-title">
        <h2 id="domains-title">Domains</h2>
        <TableScroll label="Score per domain">
          <table>
            <caption>Score per domain</caption>
            <thead><tr><th scope="col">Domain</th><th scope="col" class="num">Score</th><th scope="col">Vs all schools</th></tr></thead>
            <tbody>
              {view.domains.map((d) => (
                <tr><th scope="row">{d.title}</th><td class="num">{scoreText(d.score)}</td><PlacementCell p={d.vsAll} /></tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <TrendSection view={view} />
      <ReportMethodsSection view={view} />
    </div>
  )
}
