import type { GroupKind, Placement } from '../../../domain/benchmark/comparison-groups'
import type { ReportView } from '../../../services/reports/report-view'
import { groupLine, meaningSentence, NOT_ENOUGH, placementText, placementWords, scoreText } from './report-text'

/** One comparison of the overall result: what it means first, then the quartile and stars, then the group. */
function OverallCard({ label, p, requested }: { label: string; p: Placement; requested: GroupKind }) {
  return (
    <li class="card report-result">
      <p>{meaningSentence(p, requested)}</p>
      <p class="report-result-label">
        <span class="figure-small">{p.kind === 'placed' ? placementText(p).split(' ').slice(1).join(' ') : NOT_ENOUGH}</span> vs {label}
        {p.kind === 'placed' && <span aria-hidden="true" class="stars"> {placementText(p).split(' ')[0]}</span>}
        {p.kind === 'placed' && <span class="visually-hidden"> ({placementWords(p)})</span>}
      </p>
      <p class="small muted">Group: {groupLine(p)}</p>
    </li>
  )
}

/** The executive summary: the overall score against all schools and the discipline, then strongest and weakest areas. */
export function ReportSummarySection({ view }: { view: ReportView }) {
  return (
    <section aria-labelledby="overall-title">
      <h2 id="overall-title">Summary</h2>
      <p>
        Overall score: <strong>{scoreText(view.overall.score)}</strong> of 100.
      </p>
      <ul class="cards figures" aria-label="Overall result compared">
        <OverallCard label="all schools" p={view.overall.vsAll} requested="all" />
        <OverallCard label="your discipline" p={view.overall.vsDiscipline} requested="discipline" />
      </ul>
      <StrengthsAndResources view={view} />
    </section>
  )
}

function StrengthsAndResources({ view }: { view: ReportView }) {
  const recommended = view.weakest.flatMap((a) => (view.resources.get(a.id) ?? []).map((r) => ({ area: a, resource: r })))
  return (
    <div class="cards" id="strengths">
      <div class="card">
        <h3>Strongest areas</h3>
        {view.strongest.length === 0 ? <p class="muted">Not enough scored areas to tell.</p> : <ul>{view.strongest.map((a) => <li>{a.title}: {scoreText(a.score)}</li>)}</ul>}
      </div>
      <div class="card">
        <h3>Weakest areas</h3>
        {view.weakest.length === 0 ? <p class="muted">Not enough scored areas to tell.</p> : <ul>{view.weakest.map((a) => <li>{a.title}: {scoreText(a.score)}</li>)}</ul>}
      </div>
      <div class="card">
        <h3>Recommended resources</h3>
        {recommended.length === 0 ? (
          <p class="muted">No resources for your weakest areas yet. See all <a href="/toolkits">toolkits</a>.</p>
        ) : (
          <ul>
            {recommended.map(({ area, resource }) => (
              <li>
                <a href={`/toolkits/${resource.slug}`}>{resource.title}</a> <span class="muted">({area.title})</span>
                {resource.summary && <span class="small report-resource-summary">{resource.summary}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
