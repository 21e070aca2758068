import { assetPath } from '../../static-assets'
import { When } from '../format'

export type JobProgressRow = { status: 'running' | 'done' | 'failed'; done: number; total: number; error: string | null; finishedAt: Date | null }

export type JobProgressText = {
  /** "Sending invitations" */
  runningHeading: string
  /** "Invitations sent" */
  doneHeading: string
  /** "Sending invitations stopped" */
  failedHeading: string
  /** "invitations created": follows "3 of 40" */
  noun: string
}

/**
 * A long job's progress: while it runs, a bar that the progress script keeps current (polling `url`) and a link
 * that reloads the page without it; when done, the count and the time; when failed, what went wrong.
 */
export function JobProgressPanel(props: {
  id: string; url: string; pageHref: string; progress: JobProgressRow | null; text: JobProgressText
  /** What the finished job amounts to now, when later work adds to it (schools added to an open cycle are invited too). */
  doneCount?: number
}) {
  const { id, url, progress, text } = props
  if (!progress) return null
  if (progress.status === 'done') {
    return (
      <p class="muted">
        {props.doneCount ?? progress.total} {text.noun} (finished <When at={progress.finishedAt} />).
      </p>
    )
  }
  const running = progress.status === 'running'
  return (
    <section
      class={running ? 'notice job-progress' : 'notice notice-warning job-progress'}
      aria-labelledby={`${id}-title`}
      data-job-progress={url}
      data-status={progress.status}
      data-noun={text.noun}
      data-done-heading={text.doneHeading}
      data-failed-heading={text.failedHeading}
      data-done-text={`All ${text.noun}.`}
    >
      <h2 id={`${id}-title`} data-job-heading>
        {running ? text.runningHeading : text.failedHeading}
      </h2>
      <label for={id} data-job-count>
        {progress.done} of {progress.total} {text.noun}
      </label>
      <progress id={id} max={Math.max(progress.total, 1)} value={progress.done}>
        {progress.done} of {progress.total}
      </progress>
      <p role="status" data-job-message>
        {running ? 'This runs in the background; you may leave this page.' : `It stopped: ${progress.error ?? 'an unknown error'}. It will be retried.`}
      </p>
      {running && (
        <p>
          <a href={props.pageHref} data-job-refresh>
            Refresh to see how far it has got
          </a>
        </p>
      )}
      {running && <script src={assetPath('job-progress.js')} defer></script>}
    </section>
  )
}
