import type { mailOverview, readMail } from '../../../services/mail/mailbox'
import { When } from '../format'
import { PageSummary, Pagination, pageHref } from '../pagination'

type Overview = Awaited<ReturnType<typeof mailOverview>>
type Message = Awaited<ReturnType<typeof readMail>>

const STATUS_LABELS = { queued: 'Waiting', sent: 'Sent', failed: 'Failed' } as const

/** A queued message that has failed before is not simply waiting: the queue is trying it again with backoff. */
const statusLabel = (m: { status: keyof typeof STATUS_LABELS; attempts: number }) =>
  m.status === 'queued' && m.attempts > 0 ? 'Not sent yet, retrying' : STATUS_LABELS[m.status]

/** The outbox (admin) and the dev mailbox share this list; `base` says where a message opens. */
export function MailListPage(props: { title: string; intro: string; overview: Overview; base: string; status?: string | undefined }) {
  const { overview, base } = props
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      <nav aria-label="Filter by status">
        <ul class="filters">
          <li>
            <a href={base} aria-current={props.status ? undefined : 'page'}>
              All
            </a>
          </li>
          {(['queued', 'sent', 'failed'] as const).map((status) => (
            <li>
              <a href={`${base}?status=${status}`} aria-current={props.status === status ? 'page' : undefined}>
                {STATUS_LABELS[status]} ({overview.counts[status] ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <PageSummary slice={overview.slice} noun={['message', 'messages']} />
      {overview.messages.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {overview.messages.map((m) => (
              <tr>
                <td>
                  <When at={m.createdAt} />
                </td>
                <td>{m.toAddress}</td>
                <td>
                  <a href={`${base}/${m.id}`}>{m.subject}</a>
                </td>
                <td>
                  <span class={`status status-${m.status}`}>{statusLabel(m)}</span>
                  {m.lastError && <div class="muted small">{m.lastError}</div>}
                </td>
                <td class="num">{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination slice={overview.slice} href={(page) => pageHref(base, { status: props.status }, page)} label="Pages of messages" />
    </>
  )
}

export function MailMessagePage({ message, back, canRetry }: { message: Message; back: string; canRetry: boolean }) {
  return (
    <>
      <p>
        <a href={back}>← All messages</a>
      </p>
      <h1>{message.subject}</h1>
      <dl class="pairs">
        <dt>To</dt>
        <dd>{message.toAddress}</dd>
        <dt>Status</dt>
        <dd>
          {statusLabel(message)}
          {message.lastError && ` (${message.lastError})`}
        </dd>
        <dt>Created</dt>
        <dd>
          <When at={message.createdAt} />
        </dd>
        <dt>Sent</dt>
        <dd>
          <When at={message.sentAt} />
        </dd>
      </dl>
      {canRetry && message.status === 'failed' && (
        <form method="post" action={`/admin/mail/${message.id}/retry`}>
          <button type="submit" class="button">
            Send again
          </button>
        </form>
      )}
      <h2>Message</h2>
      <pre class="mail-body">{linkify(message.textBody)}</pre>
    </>
  )
}

/** Links in a stored message become clickable, so a developer can follow a sign-in link from the dev mailbox. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))
}
