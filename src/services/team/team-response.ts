import type { Db } from '../../db/client'
import { findResponseHeader } from '../../db/queries/response-header'
import type { SchoolAction } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import type { TeamManager } from '../../domain/team/team-rules'
import { assertCan, notFound } from '../errors'

export type ResponseHeader = NonNullable<Awaited<ReturnType<typeof findResponseHeader>>>

/** The response a team page is about, with the school found through it, once `action` is allowed there. */
export async function responseFor(db: Db, actor: Actor, responseId: string, action: SchoolAction): Promise<ResponseHeader> {
  const header = (await findResponseHeader(db, responseId)) ?? notFound('response')
  assertCan(actor, action, { schoolId: header.schoolId })
  return header
}

/** The asker's standing at the school, as the team rules need it. */
export function managerAt(actor: Actor, schoolId: string): TeamManager {
  if (actor.kind !== 'user') return { admin: false, role: null }
  return { admin: actor.programRole === 'admin', role: actor.memberships.find((m) => m.schoolId === schoolId)?.role ?? null }
}
