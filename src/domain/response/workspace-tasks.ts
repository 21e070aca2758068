import type { CycleStatus } from '../cycle/cycle-states'
import type { ParticipationStatus } from '../cycle/cycle-summary'
import type { SchoolRole } from '../policy/roles'
import type { AreaStatus } from './response-progress'

// "My school" as a task list (the GOV.UK task list pattern): the same five steps for every cycle, each with a
// status, and one next step that is this person's to take. Pure: the workspace service passes the facts it read.

export type TaskId = 'accept' | 'team' | 'answer' | 'submit' | 'report'
export type TaskStatus = 'done' | 'in-progress' | 'not-started' | 'cannot-start'

export type WorkspaceFacts = {
  role: SchoolRole
  participationStatus: ParticipationStatus
  cycleStatus: CycleStatus
  hasResponse: boolean
  teamSize: number
  /** Colleagues invited who have not joined yet (decision 141): the team step is under way, not waiting. */
  invitedNotJoined?: number
  /** Questions that apply and how many have an answer, for the whole response. */
  answered: number
  total: number
  /** Required questions unanswered or carried-forward answers unconfirmed; 0 when it may be submitted. */
  blockers: number
  /** The areas this person answers (a contributor's assigned ones; everything for leaders and coordinators). */
  myAreas: { id: string; title: string; status: AreaStatus }[]
  reportReleased: boolean
}

export type NextStep =
  | { kind: 'accept' | 'start' | 'team' | 'check-and-submit' | 'report' }
  | { kind: 'answer'; areaId: string; areaTitle: string }
  | { kind: 'wait-for-submit' | 'wait-for-results' | 'not-submitted' | 'nothing' }

const submitted = (f: WorkspaceFacts) => f.participationStatus === 'submitted'
const accepted = (f: WorkspaceFacts) => f.participationStatus !== 'invited'
const open = (f: WorkspaceFacts) => f.cycleStatus === 'open'
const invited = (f: WorkspaceFacts) => (f.invitedNotJoined ?? 0) > 0

export function workspaceTasks(f: WorkspaceFacts): { id: TaskId; status: TaskStatus }[] {
  const answering: TaskStatus = !accepted(f) ? 'cannot-start' : submitted(f) || (f.total > 0 && f.answered >= f.total) ? 'done' : f.answered > 0 ? 'in-progress' : 'not-started'
  return [
    { id: 'accept', status: accepted(f) ? 'done' : open(f) ? 'not-started' : 'cannot-start' },
    { id: 'team', status: !accepted(f) ? 'cannot-start' : f.teamSize > 1 || submitted(f) ? 'done' : !open(f) ? 'cannot-start' : invited(f) ? 'in-progress' : 'not-started' },
    { id: 'answer', status: answering },
    { id: 'submit', status: submitted(f) ? 'done' : !f.hasResponse || f.blockers > 0 || !open(f) ? 'cannot-start' : 'not-started' },
    { id: 'report', status: f.reportReleased ? 'done' : 'cannot-start' },
  ]
}

/** The one thing this person should do next for this cycle, by role: a contributor never gets a leader's step. */
export function nextStep(f: WorkspaceFacts): NextStep {
  const leader = f.role === 'leader'
  const manager = leader || f.role === 'coordinator'
  if (f.reportReleased) return leader ? { kind: 'report' } : { kind: 'nothing' }
  if (submitted(f)) return { kind: 'wait-for-results' }
  if (!open(f)) return { kind: accepted(f) ? 'not-submitted' : 'nothing' }
  if (!accepted(f)) return leader ? { kind: 'accept' } : { kind: 'nothing' }
  if (!f.hasResponse) return manager ? { kind: 'start' } : { kind: 'nothing' }
  if (manager && f.teamSize <= 1 && !invited(f) && f.answered === 0) return { kind: 'team' }
  // Only optional questions left: the leader may as well check and submit (what is left shows on that page).
  if (leader && f.blockers === 0) return { kind: 'check-and-submit' }
  const todo = f.myAreas.find((a) => a.status === 'in-progress') ?? f.myAreas.find((a) => a.status === 'not-started')
  if (todo) return { kind: 'answer', areaId: todo.id, areaTitle: todo.title }
  // Nothing of theirs left: the leader checks and submits (the page lists what still blocks it); others wait.
  return { kind: leader ? 'check-and-submit' : 'wait-for-submit' }
}
