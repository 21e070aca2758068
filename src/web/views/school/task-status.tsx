import type { AreaStatus } from '../../../domain/response/response-progress'
import type { TaskStatus } from '../../../domain/response/workspace-tasks'

// Status tags in plain words, shared by My school's task list and the questionnaire's list of areas.

const TASK_LABELS: Record<TaskStatus, string> = { done: 'Completed', 'in-progress': 'In progress', 'not-started': 'Not yet started', 'cannot-start': 'Cannot start yet' }
const AREA_LABELS: Record<AreaStatus, string> = { done: 'Done', 'in-progress': 'In progress', 'not-started': 'Not started' }

export function StatusTag({ status, label }: { status: TaskStatus | AreaStatus; label?: string }) {
  const text = label ?? (status in TASK_LABELS ? TASK_LABELS[status as TaskStatus] : AREA_LABELS[status as AreaStatus])
  return <strong class={`status-tag status-${status}`}>{text}</strong>
}

export const areaStatusLabel = (status: AreaStatus) => AREA_LABELS[status]
