import type { Actor } from '../domain/policy/roles'
import { can, type ProgramAction, type SchoolAction, type Target } from '../domain/policy/policy'

export { isDatabaseUnavailable, unavailableReason } from '../db/unavailable'

/** Seconds a client is told to wait (Retry-After) before sending a request the database could not take again. */
export const UNAVAILABLE_RETRY_SECONDS = 2

/** An error a person can be shown: its message is safe to print and its status says what kind it is. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 = 400,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string): never => {
  throw new AppError('not_found', `We could not find that ${what}.`, 404)
}

export const signInRequired = (): never => {
  throw new AppError('sign_in_required', 'Please sign in to continue.', 401)
}

export function assertCan(actor: Actor, action: ProgramAction): void
export function assertCan(actor: Actor, action: SchoolAction, target: Target): void
export function assertCan(actor: Actor, action: ProgramAction | SchoolAction, target?: Target): void {
  if (actor.kind === 'anonymous') signInRequired()
  // Trusted jobs (kind 'system') are answered by the policy like anyone else: only what it grants their label.
  const allowed = target ? can(actor, action as SchoolAction, target) : can(actor, action as ProgramAction)
  if (allowed) return
  // Someone outside the school learns nothing, not even that the thing exists: the same 404 as a made-up id.
  // A member without the right role already knows the school's things exist and is told it is not for them.
  if (target && !isMemberOf(actor, target.schoolId)) notFound('page')
  throw new AppError('forbidden', 'You do not have access to this page.', 403)
}

const isMemberOf = (actor: Actor, schoolId: string) =>
  actor.kind === 'user' && actor.memberships.some((m) => m.schoolId === schoolId)
