import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { badgeDirectory } from '../../../services/badges/badge-directory'
import { badgeVerifyPath } from '../../../services/badges/badge-links'
import type { FormState } from '../../form'
import { SelectField } from '../form-fields'
import { TableScroll } from '../table-scroll'

type Directory = Awaited<ReturnType<typeof badgeDirectory>>

/** The public list of badge holders, filterable with a plain GET form, and the Inaugural Supporters. */
export function BadgeDirectoryPage({ directory, form, filtered }: { directory: Directory; form: FormState; filtered: boolean }) {
  const { entries, choices, supporters } = directory
  return (
    <>
      <h1>Schools with a Social Mission Metrics badge</h1>
      <p class="lead">
        We thank all schools with a badge. Each of them looked hard at its social mission by completing the full self-assessment, and
        shows its commitment to advancing health equity. A badge never shows a school’s results.
      </p>
      <p>
        <a href="/badge">About the badge</a>
      </p>
      <form method="get" action="/badges" class="filter-form" role="search" aria-label="Filter badge holders">
        <SelectField name="discipline" label="Discipline" form={form} blank="Any discipline" options={choices.disciplines.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
        <SelectField name="state" label="State" form={form} blank="Any state" options={choices.states.map((s) => ({ value: s, label: s }))} />
        <SelectField name="year" label="Cycle year" form={form} blank="Any year" options={choices.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" class="button">Filter</button>
        {filtered && <a href="/badges">Show all</a>}
      </form>
      <p role="status">
        {entries.length === 0 ? 'No school with a current badge matches.' : `${entries.length} ${entries.length === 1 ? 'badge' : 'badges'}.`}
      </p>
      {entries.length > 0 && (
        <TableScroll label="Schools with a current badge">
          <table>
            <caption class="visually-hidden">Schools with a current badge</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">State</th>
                <th scope="col">Discipline</th>
                <th scope="col">Cycle</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>
                    <a href={badgeVerifyPath(e.publicId)}>{e.schoolName}</a>
                    <div class="muted small">{e.city}</div>
                  </td>
                  <td>{e.state}</td>
                  <td>{DISCIPLINE_LABELS[e.discipline]}</td>
                  <td>{e.cycleTitle}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2 id="inaugural-supporters">Inaugural Supporters</h2>
      <p>
        Inaugural Supporters were invited to join the program early, based on their prior engagement with it. Previous scores were not
        considered.
      </p>
      {supporters.length === 0 ? (
        <p>None are listed yet.</p>
      ) : (
        <ul>
          {supporters.map((s) => (
            <li>
              <strong>{s.schoolName}</strong> ({s.state}), since {s.year}
              {s.note && <span>: {s.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
