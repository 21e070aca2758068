const DATE_TIME = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })

/** Instants are stored in UTC and shown in UTC, marked as such, inside <time> so a script may localise them. */
export function When({ at, dateOnly }: { at: Date | null; dateOnly?: boolean }) {
  if (!at) return <span class="muted">—</span>
  return <time datetime={at.toISOString()}>{dateOnly ? DATE.format(at) : `${DATE_TIME.format(at)} UTC`}</time>
}
