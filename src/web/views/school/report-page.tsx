import type { Placement } from '../../../domain/benchmark/comparison-groups'
import type { AreaResult, ReportView } from '../../../services/reports/report-view'
import type { FormState } from '../../form'
import { ChartFigure } from '../../charts/accessible-chart'
import { chartDescription, GROUP_LABELS, importedTrendNote, NOT_ENOUGH, placementText, placementWords, revisionNotice, scoreText, snapshotLine, trendColumnLabel, trendNote } from './report-text'
import { ActionPlanSection } from './report-plan-section'

function PlacementCell({ p }: { p: Placement }) {
  if (p.kind !== 'placed') return <td class={p.kind === 'not-enough' ? 'muted' : ''}>{placementText(p)}</td>
  return (
    <td>
      <span aria-hidden="true" class="stars">{placementText(p)}</span>
      <span class="visually-hidden">{placementWords(p)}</span>
    </td>
  )
}

function OverallSection({ view }: { view: ReportView }) {
  const line = (label: string, p: Placement) => (
    <li class="card">
      <span class="figure">{p.kind === 'placed' ? placementText(p).split(' ').slice(1).join(' ') : NOT_ENOUGH}</span> vs {label}
      {p.kind === 'placed' && <span class="visually-hidden"> ({placementWords(p)})</span>}
    </li>
  )
  return (
    <section aria-labelledby="overall-title">
      <h2 id="overall-title">Overall result</h2>
      <p>
        Overall score: <strong>{scoreText(view.overall.score)}</strong> of 100.
      </p>
      <ul class="cards figures" aria-label="Overall quartiles">
        {line('all schools', view.overall.vsAll)}
        {line('your discipline', view.overall.vsDiscipline)}
      </ul>
    </section>
  )
}

function AreaTable({ areas }: { areas: AreaResult[] }) {
  const showTargets = areas.some((a) => a.previousTarget !== null)
  return (
    <div class="table-scroll">
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
    </div>
  )
}

function StrengthsSection({ view }: { view: ReportView }) {
  return (
    <section aria-labelledby="strengths-title">
      <h2 id="strengths-title">Strongest and weakest areas</h2>
      <div class="cards">
        <div class="card">
          <h3>Strongest</h3>
          <ul>{view.strongest.map((a) => <li>{a.title}: {scoreText(a.score)}</li>)}</ul>
        </div>
        <div class="card">
          <h3>Weakest</h3>
          <ul>
            {view.weakest.map((a) => (
              <li>
                {a.title}: {scoreText(a.score)}
                {(view.resources.get(a.id) ?? []).length > 0 && (
                  <ul>
                    {(view.resources.get(a.id) ?? []).map((r) => (
                      <li>
                        Resource: <a href={`/toolkits/${r.slug}`}>{r.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
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
      <div class="table-scroll">
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
      </div>
    </section>
  )
}

export function ReportPage({ view, chartSvg, form }: { view: ReportView; chartSvg: string; form?: FormState | undefined }) {
  return (
    <>
      <p class="muted">Confidential: for {view.school.name}’s leadership and the program team.</p>
      <h1>{view.school.name}: {view.cycle.title}</h1>
      <p class="small">{snapshotLine(view)}</p>
      {!view.released && <p class="notice notice-warning">Not released yet: only the program team can see this report.</p>}
      {view.revision && <p class="notice notice-warning" role="note">{revisionNotice(view)}</p>}
      <p>
        <a class="button" href={`/school/reports/${view.responseId}.pdf`}>Download the PDF</a>
      </p>
      <OverallSection view={view} />
      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Areas</h2>
        <p class="hint">Stars: ★★★★ top quartile, ★★★ second, ★★ third, ★ fourth. A comparison group needs at least 5 schools; with fewer similar schools your discipline is used instead.</p>
        <AreaTable areas={view.areas} />
        <ChartFigure
          id="area-chart"
          svg={chartSvg}
          title="Your score per area against similar schools (blue diamond: you; grey band: middle half of the group; dark tick: median)"
          description={chartDescription(view)}
          table={{
            caption: 'Your score, the group median and quartile range per area',
            columns: ['Area', 'Your score', 'Group Q1', 'Group median', 'Group Q3'],
            rows: view.areas.map((a) => {
              const d = a.vsSimilar.kind === 'placed' ? a.vsSimilar.distribution : null
              return [a.title, scoreText(a.score), d ? d.q1 : '—', d ? d.median : '—', d ? d.q3 : '—']
            }),
          }}
        />
      </section>
      <section aria-labelledby="domains-title">
        <h2 id="domains-title">Domains</h2>
        <table>
          <caption>Score per domain</caption>
          <thead><tr><th scope="col">Domain</th><th scope="col" class="num">Score</th><th scope="col">Vs all schools</th></tr></thead>
          <tbody>
            {view.domains.map((d) => (
              <tr><th scope="row">{d.title}</th><td class="num">{scoreText(d.score)}</td><PlacementCell p={d.vsAll} /></tr>
            ))}
          </tbody>
        </table>
      </section>
      <StrengthsSection view={view} />
      <TrendSection view={view} />
      <ActionPlanSection view={view} form={form} />
    </>
  )
}
