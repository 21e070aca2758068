import {
  INBOX_KINDS,
  INBOX_KIND_LABELS,
  INBOX_LIMITS,
  INBOX_STATUS_LABELS,
  statusesFor,
  type InboxKind,
  type InboxStatus,
} from '../../../domain/inbox/inbox-rules'
import type { InboxOverview, OpenedInboxItem } from '../../../services/inbox/inbox-admin'
import type { FormState } from '../../form'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { When } from '../format'
import { PageSummary, Pagination, pageHref } from '../pagination'
import { TextAreaField } from '../long-form-fields'

/** The inbox list; `/admin/champions` is the same list fixed to nominations. */
export function InboxListPage(props: { title: string; base: string; overview: InboxOverview; kind?: InboxKind | undefined; status?: InboxStatus | undefined; kindFilter: boolean }) {
  const { overview, base } = props
  const statuses = props.kind ? statusesFor(props.kind) : (['new', 'reviewing', 'featured', 'declined', 'answered', 'closed'] as const)
  const query = (params: Record<string, string | undefined>) => pageHref(base, params, 1)
  return (
    <>
      <h1>{props.title}</h1>
      <p>What the public sent the program: Champion nominations, badge inquiries and general questions.</p>
      {props.kindFilter && (
        <nav aria-label="Filter by kind">
          <ul class="filters">
            <li>
              <a href={query({})} aria-current={props.kind ? undefined : 'page'}>
                Everything
              </a>
            </li>
            {INBOX_KINDS.map((k) => (
              <li>
                <a href={query({ kind: k })} aria-current={props.kind === k ? 'page' : undefined}>
                  {INBOX_KIND_LABELS[k]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <nav aria-label="Filter by status">
        <ul class="filters">
          <li>
            <a href={query({ kind: props.kindFilter ? props.kind : undefined })} aria-current={props.status ? undefined : 'page'}>
              Any status
            </a>
          </li>
          {statuses.map((s) => (
            <li>
              <a href={query({ kind: props.kindFilter ? props.kind : undefined, status: s })} aria-current={props.status === s ? 'page' : undefined}>
                {INBOX_STATUS_LABELS[s]} ({overview.counts[s] ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PageSummary slice={overview.slice} noun={['item', 'items']} />
      {overview.items.length > 0 && (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Kind</th>
                <th scope="col">From</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {overview.items.map((item) => (
                <tr>
                  <td>
                    <When at={item.createdAt} />
                  </td>
                  <td>{INBOX_KIND_LABELS[item.kind]}</td>
                  <td>{item.senderName}</td>
                  <td>
                    <a href={`/admin/inbox/${item.id}`}>{item.subject}</a>
                  </td>
                  <td>
                    <span class={`status status-${item.status}`}>{INBOX_STATUS_LABELS[item.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination slice={overview.slice} href={(page) => pageHref(base, { kind: props.kindFilter ? props.kind : undefined, status: props.status }, page)} label="Pages of the list" />
    </>
  )
}

export function InboxItemPage({ item, featureForm }: { item: OpenedInboxItem; featureForm: FormState }) {
  const n = item.nomination
  const back = item.kind === 'champion-nomination' ? '/admin/champions' : '/admin/inbox'
  return (
    <>
      <p>
        <a href={back}>← Back to the inbox</a>
      </p>
      <h1>{item.subject}</h1>
      <dl class="pairs">
        <dt>Kind</dt>
        <dd>{INBOX_KIND_LABELS[item.kind]}</dd>
        <dt>Status</dt>
        <dd>
          <span class={`status status-${item.status}`}>{INBOX_STATUS_LABELS[item.status]}</span>
        </dd>
        <dt>From</dt>
        <dd>
          {item.senderName} (<a href={`mailto:${item.senderEmail}`}>{item.senderEmail}</a>)
        </dd>
        <dt>Received</dt>
        <dd>
          <When at={item.createdAt} />
        </dd>
        {n && (
          <>
            <dt>Nominee</dt>
            <dd>{n.nomineeName}</dd>
            <dt>Role</dt>
            <dd>{n.nomineeRole}</dd>
            <dt>Institution</dt>
            <dd>{n.nomineeInstitution}</dd>
            <dt>Agreed to be featured</dt>
            <dd>{n.consentToFeature ? 'Yes, the nominator confirmed it' : 'No'}</dd>
          </>
        )}
      </dl>
      <h2>{n ? 'What they have done' : 'Message'}</h2>
      <p class="message-text">{item.message}</p>

      <h2>Status</h2>
      <form method="post" action={`/admin/inbox/${item.id}/status`} class="narrow">
        <SelectField
          name="status"
          label="Move to"
          form={{ values: { status: item.status === 'featured' ? 'reviewing' : item.status }, errors: {} }}
          options={statusesFor(item.kind)
            .filter((s) => s !== 'featured')
            .map((s) => ({ value: s, label: INBOX_STATUS_LABELS[s] }))}
          hint={item.status === 'featured' ? 'Moving a featured Champion to another status takes them off the public page.' : undefined}
        />
        <button type="submit" class="button button-secondary">
          Change status
        </button>
      </form>

      {n && (
        <>
          <h2>{item.status === 'featured' ? 'Edit the published profile' : 'Feature on the Champions page'}</h2>
          {n.consentToFeature ? (
            <form method="post" action={`/admin/inbox/${item.id}/feature`} class="narrow" novalidate>
              <p>Only what you write here is published. The nominator’s text and address are never shown.</p>
              <ErrorSummary form={featureForm} />
              <TextField name="featuredName" label="Name" form={featureForm} required />
              <TextField name="featuredRole" label="Role" form={featureForm} required />
              <TextField name="featuredInstitution" label="Institution" form={featureForm} required />
              <TextAreaField name="featuredBlurb" label="Short profile" hint={`At most ${INBOX_LIMITS.blurb} characters.`} form={featureForm} rows={5} required />
              <button type="submit" class="button">
                {item.status === 'featured' ? 'Save the profile' : 'Feature this Champion'}
              </button>
            </form>
          ) : (
            <p class="notice notice-warning">The nominator did not confirm that the nominee agreed to be featured, so this nomination cannot be published.</p>
          )}
        </>
      )}
    </>
  )
}

/** The feature form starts from what was published before, or from the nomination itself. */
export function featureFormFrom(item: OpenedInboxItem): FormState {
  const n = item.nomination
  return {
    values: {
      featuredName: n?.featuredName ?? n?.nomineeName ?? '',
      featuredRole: n?.featuredRole ?? n?.nomineeRole ?? '',
      featuredInstitution: n?.featuredInstitution ?? n?.nomineeInstitution ?? '',
      featuredBlurb: n?.featuredBlurb ?? '',
    },
    errors: {},
  }
}
