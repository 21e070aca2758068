import { DONT_KNOW_CODE, NOT_APPLICABLE_CODE } from '../../../domain/history/historical-codes'
import { DISCIPLINE_COLUMN, IPEDS_COLUMN, NAME_COLUMN, SCHOOL_ID_COLUMN } from '../../../domain/history/historical-csv-plan'
import type { historicalCodebook } from '../../../services/history/historical-templates'

/** What every column of a past round's file may hold for one instrument version. */
export function HistoricalCodebookPage({ book }: { book: Awaited<ReturnType<typeof historicalCodebook>> }) {
  const base = `/admin/historical-rounds/${book.instrument.id}`
  return (
    <>
      <p>
        <a href="/admin/historical-rounds">← Import a past round</a>
      </p>
      <h1>Codebook: {book.instrument.id}</h1>
      <p>
        {book.instrument.title}. Download the <a href={`${base}/answers-template.csv`}>answers template</a> or the{' '}
        <a href={`${base}/area-scores-template.csv`}>area scores template</a>. A file may hold both kinds of row, but each school gives either
        answers or area scores, not both.
      </p>
      <h2>Finding the school</h2>
      <ul>
        <li><code>{SCHOOL_ID_COLUMN}</code>: the school’s id in this platform’s directory (shown in its address), or</li>
        <li><code>{IPEDS_COLUMN}</code>: its six-digit IPEDS unit id; where a university’s schools share one, also <code>{DISCIPLINE_COLUMN}</code> (md, do, dental, nursing-adn, nursing-bsn-msn, pa).</li>
        <li><code>{NAME_COLUMN}</code> is for people reading the file and is not read.</li>
      </ul>
      <h2>Codes in every answer column</h2>
      <p>
        A blank cell means no answer (it scores like “don’t know”). <code>{DONT_KNOW_CODE}</code> means don’t know and <code>{NOT_APPLICABLE_CODE}</code> not
        applicable, where the item offers them. Numbers use digits and a decimal point, no thousands separators.
      </p>
      <h2>Area score columns</h2>
      <p>A number from 0 to 100 per area; a blank cell means the area has no score.</p>
      <div class="table-scroll" role="region" aria-label="Areas" tabindex={0}>
        <table>
          <caption>Areas</caption>
          <thead>
            <tr><th scope="col">Column</th><th scope="col">Area</th><th scope="col">Domain</th></tr>
          </thead>
          <tbody>
            {book.areas.map((a) => (
              <tr><td><code>{a.id}</code></td><td>{a.title}</td><td>{a.domainTitle}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Answer columns</h2>
      <div class="table-scroll" role="region" aria-label="Items" tabindex={0}>
        <table>
          <caption>Items, in the questionnaire’s order</caption>
          <thead>
            <tr><th scope="col">Column</th><th scope="col">Question</th><th scope="col">Kind</th><th scope="col">Codes</th></tr>
          </thead>
          <tbody>
            {book.items.map((i) => (
              <tr>
                <td><code>{i.id}</code></td>
                <td>
                  {i.text}
                  {i.disciplines && <span class="muted"> (only {i.disciplines.join(', ')})</span>}
                </td>
                <td>{i.kind}</td>
                <td>{i.codes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
