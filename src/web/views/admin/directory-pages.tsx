import { CARNEGIE_GROUPS, CARNEGIE_LABELS, CONTROLS, DISCIPLINES, DISCIPLINE_LABELS, US_STATES } from '../../../domain/school/school-facts'
import type { browseDirectory } from '../../../services/directory/directory-schools'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { PageSummary, Pagination, pageHref } from '../pagination'

type Listing = Awaited<ReturnType<typeof browseDirectory>>
export type DirectoryQuery = { q: string; discipline: string; state: string; status: string }

const opts = (list: readonly string[], labels?: Record<string, string>) => list.map((v) => ({ value: v, label: labels?.[v] ?? v }))
const any = (label: string) => [{ value: '', label }]

export function DirectoryListPage({ listing, query }: { listing: Listing; query: DirectoryQuery }) {
  const form: FormState = { values: query, errors: {} }
  const { slice } = listing
  return (
    <>
      <h1>Directory of schools</h1>
      <p class="actions">
        <a class="button" href="/admin/schools/new">Add a school</a> <a href="/admin/schools/import">Import from CSV</a> ·{' '}
        <a href="/admin/schools/export.csv">Export all as CSV</a>
      </p>
      <form method="get" action="/admin/schools" class="filter-form" role="search" aria-label="Find schools">
        <TextField name="q" label="Name, institution or city" form={form} />
        <SelectField name="discipline" label="Discipline" form={form} options={[...any('Any discipline'), ...opts(DISCIPLINES, DISCIPLINE_LABELS)]} />
        <SelectField name="state" label="State" form={form} options={[...any('Any state'), ...opts(US_STATES)]} />
        <SelectField name="status" label="Status" form={form} options={[...any('Any status'), ...opts(['active', 'inactive'])]} />
        <button type="submit" class="button">Search</button>
      </form>
      <PageSummary slice={slice} noun={['school', 'schools']} />
      {listing.rows.length > 0 && (
        <table class="directory-table">
          <thead>
            <tr>
              <th scope="col">School</th>
              <th scope="col">City</th>
              <th scope="col">State</th>
              <th scope="col">Discipline</th>
              <th scope="col">Control</th>
              <th scope="col">Carnegie</th>
              <th scope="col">Dean</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {listing.rows.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/schools/${s.id}`}>{s.name}</a>
                  {s.isDemo && <span class="tag">demo</span>}
                  {s.parentInstitution && <div class="muted small">{s.parentInstitution}</div>}
                </td>
                <td>{s.city}</td>
                <td>{s.state}</td>
                <td>{DISCIPLINE_LABELS[s.discipline]}</td>
                <td>{s.control}</td>
                <td>{CARNEGIE_LABELS[s.carnegieGroup]}</td>
                <td class="small">
                  {s.deanName && <div>{s.deanName}</div>}
                  {s.deanEmail ?? <span class="muted">no e-mail</span>}
                </td>
                <td>{s.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination slice={slice} href={(page) => pageHref('/admin/schools', query, page)} label="Pages of schools" />
    </>
  )
}

/** Create and edit share one form; `id` null means a new school. */
export function SchoolFormPage({ id, form }: { id: string | null; form: FormState }) {
  return (
    <>
      <p>
        <a href="/admin/schools">← Directory of schools</a>
      </p>
      <h1>{id ? `Edit ${form.values.name ?? 'school'}` : 'Add a school'}</h1>
      <form method="post" action={id ? `/admin/schools/${id}` : '/admin/schools/new'} class="narrow" novalidate>
        <ErrorSummary form={form} />
        <TextField name="name" label="School name" form={form} required />
        <TextField name="parent_institution" label="Parent institution (optional)" form={form} />
        <TextField name="city" label="City" form={form} required />
        <SelectField name="state" label="State" form={form} options={[...any('Choose a state'), ...opts(US_STATES)]} required />
        <SelectField name="discipline" label="Discipline" form={form} options={[...any('Choose a discipline'), ...opts(DISCIPLINES, DISCIPLINE_LABELS)]} required />
        <SelectField name="control" label="Control" form={form} options={[...any('Choose public or private'), ...opts(CONTROLS)]} required />
        <SelectField name="carnegie_group" label="Carnegie group" form={form} options={opts(CARNEGIE_GROUPS, CARNEGIE_LABELS)} />
        <TextField name="ipeds_unit_id" label="IPEDS unit id (optional)" hint="Six digits, from the IPEDS directory." form={form} />
        <TextField name="website" label="Website (optional)" form={form} type="url" />
        <TextField name="dean_name" label="Dean’s name (optional)" form={form} />
        <TextField name="dean_email" label="Dean’s e-mail (optional)" hint="Invitations go to this address." form={form} type="email" />
        <SelectField name="status" label="Status" form={form} options={opts(['active', 'inactive'])} hint="Inactive schools are never invited." />
        <button type="submit" class="button">{id ? 'Save changes' : 'Add the school'}</button>
      </form>
    </>
  )
}
