import type { AreaRow } from '../../../services/responses/response-areas'
import { StatusTag } from './task-status'

/**
 * The questionnaire's areas in order, each with its status and who answers it (the GOV.UK task list pattern):
 * on the overview, and folded away under each area page.
 */
export function AreaList({ areas, base, current }: { areas: AreaRow[]; base: string; current?: string }) {
  return (
    <ol class="task-list area-list">
      {areas.map((a) => (
        <li class="task-list-item">
          <span class="task-list-name">
            {a.canOpen ? (
              <a href={`${base}/areas/${a.id}`} aria-current={a.id === current ? 'page' : undefined}>
                {a.number}. {a.title}
              </a>
            ) : (
              `${a.number}. ${a.title}`
            )}
            <span class="hint">
              {a.progress.answered} of {a.progress.total} answered · {a.people.length > 0 ? `Assigned to ${a.people.join(', ')}` : 'Leader and coordinator'}
            </span>
          </span>
          <StatusTag status={a.status} />
        </li>
      ))}
    </ol>
  )
}
