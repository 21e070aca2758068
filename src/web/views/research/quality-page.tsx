import { K_MIN_COUNT } from '../../../domain/privacy/small-counts'
import { ALIKE_SHARE, DONT_KNOW_SHARE, type ItemFlag, type ItemQuality } from '../../../domain/research/item-quality'
import type { QualityView } from '../../../services/research/instrument-quality'
import { ChartFigure } from '../../charts/accessible-chart'
import { shareRows } from '../../charts/quality-chart-rows'
import { TableScroll } from '../table-scroll'
import { AnalysisHeader } from './analysis-header'
import { Count } from './published-count'

/** Per area id, the charts the route drew: the answer shares of its questions and their item–rest correlations. */
export type AreaCharts = Map<string, { shares: string | null; itemRest: string | null }>

export const FLAG_LABELS: Record<ItemFlag, string> = {
  alike: 'Nearly everyone answers alike',
  'dont-know': 'Most say don’t know',
}

const percent = (r: number | null) => (r === null ? 'not shown' : `${(100 * r).toFixed(0)}%`)
/** A rate, or why it is not shown: its count is under 5, or withheld (or the number asked is). */
function rateText(q: ItemQuality, kind: 'dont-know' | 'missing', rate: number | null) {
  const category = q.categories.find((c) => c.kind === kind)
  if (!category) return '–'
  if (rate !== null) return percent(rate)
  return category.count.kind === 'fewer-than-k' ? `fewer than ${K_MIN_COUNT}` : 'not shown'
}
const rText = (q: ItemQuality) =>
  !q.itemRest ? '–' : q.itemRest.r === null ? (q.itemRest.n < K_MIN_COUNT ? `fewer than ${K_MIN_COUNT} schools` : 'no spread') : q.itemRest.r.toFixed(2)

function Flags({ q }: { q: ItemQuality }) {
  if (q.flags.length === 0) return <>–</>
  return (
    <>
      {q.flags.map((f) => (
        <strong class="tag tag-flag">{f === 'alike' && q.alikeLabel ? `${FLAG_LABELS[f]} (“${q.alikeLabel}”)` : FLAG_LABELS[f]}</strong>
      ))}
    </>
  )
}

function AnswerCounts({ q }: { q: ItemQuality }) {
  const rows = [...q.categories, ...q.ticks.map((t) => ({ ...t, label: `Ticked: ${t.label}` }))]
  return (
    <details class="answer-counts">
      <summary>Answer counts: {q.text}</summary>
      <TableScroll label={`Answer counts: ${q.itemId}`}>
        <table>
          <caption class="visually-hidden">Answer counts for “{q.text}”</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col" class="num">
                Schools
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr>
                <th scope="row">{c.label}</th>
                <td class="num">
                  <Count count={c.count} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  )
}

export function QualityPage({ view, charts }: { view: QualityView; charts: AreaCharts }) {
  const { cycle, availability, instrument, quality } = view
  if (!availability.ok || !instrument || !quality) {
    return (
      <>
        <AnalysisHeader cycle={cycle} heading="Instrument quality" />
        <p class="notice">{availability.ok ? 'Nothing to show.' : availability.reason}</p>
      </>
    )
  }
  const base = `/research/cycles/${cycle.id}`
  const flagged = quality.items.filter((q) => q.flags.length > 0)
  const byArea = new Map(quality.areas.map((a) => [a.areaId, a]))
  return (
    <>
      <AnalysisHeader cycle={cycle} heading="Instrument quality" />
      <p class="lede" id="summary">
        Instrument version {instrument.id}: {quality.items.length} questions in {quality.areas.length} areas. {flagged.length === 0 ? 'No question is flagged.' : `${flagged.length} question${flagged.length === 1 ? ' is' : 's are'} flagged for a second look.`}
      </p>
      <p>
        From certified responses only. Counts of fewer than {K_MIN_COUNT} schools show as “fewer than 5”, and where the total would give one away another
        count is not shown either: a count of 1 to 4 could combine with what is known about a school. Rates are shares of the schools shown the question.
        A question is flagged when at least {ALIKE_SHARE * 100}% of the answers are the same option (“nearly everyone answers alike”) or at least{' '}
        {DONT_KNOW_SHARE * 100}% of the schools say they don’t know. Item–rest correlation compares a question’s points with the area’s score from its other
        questions. Cronbach’s alpha uses the schools that have counted answers to every scored question of the area (complete cases); n says how many.
      </p>
      <p>
        Download: <a href={`${base}/quality/quality-items.csv`}>questions (CSV)</a> · <a href={`${base}/quality/quality-answers.csv`}>answer counts (CSV)</a> ·{' '}
        <a href={`${base}/quality/quality-areas.csv`}>areas and alpha (CSV)</a>. Each download is recorded in the audit log.
      </p>
      {flagged.length > 0 && (
        <>
          <h2>Questions to look at again</h2>
          <ul>
            {flagged.map((q) => (
              <li>
                <a href={`#item-${q.itemId}`}>{q.text}</a>: {q.flags.map((f) => FLAG_LABELS[f]).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {instrument.domains.map((domain) => (
        <section aria-labelledby={`domain-${domain.id}`}>
          <h2 id={`domain-${domain.id}`}>{domain.title}</h2>
          {domain.areas.map((area) => {
            const rel = byArea.get(area.id)!
            const items = quality.items.filter((q) => q.areaId === area.id)
            const chart = charts.get(area.id)
            return (
              <section aria-labelledby={`area-${area.id}`} class="quality-area">
                <h3 id={`area-${area.id}`}>{area.title}</h3>
                <p>
                  Cronbach’s alpha:{' '}
                  {rel.alpha !== null ? (
                    <strong>{rel.alpha.toFixed(2)}</strong>
                  ) : rel.items < 2 ? (
                    'not computed (fewer than two scored questions)'
                  ) : rel.n < K_MIN_COUNT ? (
                    `not computed (fewer than ${K_MIN_COUNT} complete cases)`
                  ) : (
                    'not computed (no spread in totals)'
                  )}{' '}
                  · {rel.items} scored questions · n = {rel.n < K_MIN_COUNT ? `fewer than ${K_MIN_COUNT}` : rel.n} complete cases
                </p>
                <TableScroll label={`Questions of ${area.title}`}>
                  <table>
                    <caption>Questions of {area.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Question</th>
                        <th scope="col" class="num">Schools</th>
                        <th scope="col" class="num">Don’t know</th>
                        <th scope="col" class="num">Not answered</th>
                        <th scope="col" class="num">Item–rest r</th>
                        <th scope="col">Flags</th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((q) => (
                        <tr id={`item-${q.itemId}`}>
                          <th scope="row">{q.text}</th>
                          <td class="num">
                            <Count count={q.applicable} />
                          </td>
                          <td class="num">{rateText(q, 'dont-know', q.dontKnowRate)}</td>
                          <td class="num">{rateText(q, 'missing', q.missingRate)}</td>
                          <td class="num">{q.scored ? rText(q) : '–'}</td>
                          <td>
                            <Flags q={q} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                {items.map((q) => (
                  <AnswerCounts q={q} />
                ))}
                {chart?.shares && (
                  <ChartFigure
                    id={`shares-${area.id}`}
                    svg={chart.shares}
                    title={`How schools answered: ${area.title}`}
                    description="One bar per question: the share of schools giving the most common answer, other answers, don’t know, not applicable, no answer, skipped, and small counts that are not shown."
                    table={{
                      caption: `Answer shares: ${area.title}`,
                      columns: ['Question', 'Part', 'Share'],
                      rows: shareRows(items).map((r) => [r.item, r.segment, `${(100 * r.share).toFixed(0)}%`]),
                    }}
                  />
                )}
                {chart?.itemRest && (
                  <ChartFigure
                    id={`rest-${area.id}`}
                    svg={chart.itemRest}
                    title={`Item–rest correlations: ${area.title}`}
                    description="One dot per scored question on a scale from −1 to 1; the dashed line at 0.2 marks where a question starts to tell little about the rest of its area."
                    table={{ caption: `Item–rest correlations: ${area.title}`, columns: ['Question', 'r'], rows: items.filter((q) => q.scored).map((q) => [q.text, rText(q)]) }}
                  />
                )}
              </section>
            )
          })}
        </section>
      ))}
    </>
  )
}
