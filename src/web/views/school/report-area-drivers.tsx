import type { AreaResult, Driver, ReportView } from '../../../services/reports/report-view'
import { answerText } from './answer-text'
import { groupLine, meaningSentence, scoreText } from './report-text'

function DriverList({ title, drivers }: { title: string; drivers: Driver[] }) {
  if (drivers.length === 0) return null
  return (
    <>
      <h4>{title}</h4>
      <ul class="report-drivers">
        {drivers.map((d) => (
          <li>
            {d.item.text}
            <span class="report-answer">Your answer: {answerText(d.item, d.answer)}</span>
          </li>
        ))}
      </ul>
    </>
  )
}

/** One area: what its result means, its group, the answers that earned full points and none, and resources. */
function AreaDrivers({ area, view }: { area: AreaResult; view: ReportView }) {
  const { full, none, partly } = area.drivers
  const resources = view.resources.get(area.id) ?? []
  return (
    <details class="report-area" id={`area-${area.id}`}>
      <summary>
        {area.title}: {scoreText(area.score)}
      </summary>
      <div class="report-area-body">
        <p>{meaningSentence(area.vsSimilar, 'similar', `In ${area.title}, your school`)}</p>
        <p class="small muted">Group: {groupLine(area.vsSimilar)}. Against all schools: {groupLine(area.vsAll)}.</p>
        <DriverList title="Answers that earned full points" drivers={full} />
        <DriverList title="Answers that earned no points" drivers={none} />
        {partly > 0 && <p class="small">{partly === 1 ? '1 more answer' : `${partly} more answers`} earned part of the points.</p>}
        {full.length + none.length + partly === 0 && <p class="muted">No scored question of this area applied to your school.</p>}
        {resources.length > 0 && (
          <>
            <h4>Recommended resources</h4>
            <ul>{resources.map((r) => <li><a href={`/toolkits/${r.slug}`}>{r.title}</a></li>)}</ul>
          </>
        )}
      </div>
    </details>
  )
}

/** Per area, the answers that drove its score, each area folded so the page stays short. */
export function AreaDriversSection({ view }: { view: ReportView }) {
  return (
    <section aria-labelledby="drivers-title">
      <h2 id="drivers-title">What drove each area’s score</h2>
      <p class="hint">Open an area to see which of your answers earned full points and which earned none.</p>
      {view.areas.map((a) => <AreaDrivers area={a} view={view} />)}
    </section>
  )
}
