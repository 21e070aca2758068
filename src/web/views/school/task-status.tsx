import type { AreaStatus } from '../../../domain/response/response-progress'
import type { TaskStatus } from '../../../domain/response/workspace-tasks'

// Status tags in plain words, shared by My school's task list and the questionnaire's list of areas.

const LABELS: Record<TaskStatus | AreaStatus, string> = { done: 'Completed', 'in-progress': 'In progress', 'not-started': 'Not yet started', 'cannot-start': 'Cannot start yet' }

export function StatusTag({ status, label }: { status: TaskStatus | AreaStatus; label?: string | undefined }) {
  return <strong class={`status-tag status-${status}`}>{label ?? LABELS[status]}</strong>
}
