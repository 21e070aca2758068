import { CYCLE_STATUS_LABELS } from '../../../domain/cycle/cycle-states'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { ResearchCycle } from '../../../services/research/research-cycles'
import { When } from '../format'
import { TableScroll } from '../table-scroll'
import { Count } from './published-count'

/** The analyst's landing page: the rounds there are to analyse, their size by discipline, and which can be exported. */
export function ResearchHomePage({ cycles }: { cycles: readonly ResearchCycle[] }) {
  const finished = cycles.filter((c) => c.status !== 'open')
  const running = cycles.filter((c) => c.status === 'open')
  return (
    <>
      <h1>Research</h1>
      <p>
        Rounds of the self-assessment for analysis: aggregate results, instrument quality and de-identified exports.
        Schools are never named here; sizes count certified responses, and counts under 5 are not shown.
      </p>
      <h2>Finished rounds</h2>
      {finished.length === 0 ? (
        <p>No round has closed yet.</p>
      ) : (
        <TableScroll label="Finished rounds">
          <table>
            <caption class="visually-hidden">Finished rounds with their certified responses by discipline</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Status</th>
                <th scope="col">Deadline</th>
                <th scope="col">Certified responses by discipline</th>
                <th scope="col">Total</th>
                <th scope="col">Exports</th>
              </tr>
            </thead>
            <tbody>
              {finished.map((c) => (
                <tr>
                  <td>
                    <a href={`/research/cycles/${c.id}`}>{c.title}</a>
                    {c.pilot && <span class="tag">pilot</span>}
                  </td>
                  <td>{CYCLE_STATUS_LABELS[c.status]}</td>
                  <td>
                    <When at={c.deadlineAt} dateOnly />
                  </td>
                  <td>
                    {c.byDiscipline.length === 0 ? (
                      <span class="muted">none</span>
                    ) : (
                      <ul class="plain">
                        {c.byDiscipline.map((d) => (
                          <li>
                            {DISCIPLINE_LABELS[d.discipline]}: <Count count={d.n} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <Count count={c.total} />
                  </td>
                  <td>{c.availability.ok ? 'Available' : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {running.length > 0 && (
        <>
          <h2>Rounds still open</h2>
          <p>These rounds are still running; they can be analysed once they have closed and been scored.</p>
          <ul>
            {running.map((c) => (
              <li>
                <a href={`/research/cycles/${c.id}`}>{c.title}</a>
                {c.pilot && <span class="tag">pilot</span>} (deadline <When at={c.deadlineAt} dateOnly />)
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
