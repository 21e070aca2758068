import type { Db } from '../../db/client'
import { addAreaAssignments, replaceAreaAssignments } from '../../db/queries/area-assignments'
import { listTeamMembers } from '../../db/queries/team'
import type { Actor } from '../../domain/policy/roles'
import { checkAssignments, domainAssignments, type AreaAssignment, type AssignmentCheck } from '../../domain/team/team-rules'
import { recordAudit } from '../audit'
import { storedInstrument } from '../instruments/instrument-content'
import { responseFor } from './team-response'

type Mode = { replace: readonly AreaAssignment[] } | { domainId: string; userId: string }

/** Saves the table of who answers which area (all at once), or adds one person to every area of a domain. */
export async function saveAreaAssignments(db: Db, actor: Actor, responseId: string, mode: Mode, ip: string | null): Promise<AssignmentCheck> {
  return db.transaction(async (tx) => {
    const response = await responseFor(tx, actor, responseId, 'school.team.manage')
    const instrument = await storedInstrument(tx, response.instrumentVersion)
    const areaIds = instrument.domains.flatMap((d) => d.areas.map((a) => a.id))
    const memberIds = (await listTeamMembers(tx, response.schoolId)).map((m) => m.userId)
    let requested: readonly AreaAssignment[]
    if ('replace' in mode) requested = mode.replace
    else {
      const domain = instrument.domains.find((d) => d.id === mode.domainId)
      if (!domain) return { ok: false, message: 'Choose one of the domains listed.' }
      requested = domainAssignments(domain.areas.map((a) => a.id), mode.userId)
    }
    const check = checkAssignments(requested, areaIds, memberIds)
    if (!check.ok) return check
    if ('replace' in mode) await replaceAreaAssignments(tx, responseId, check.assignments)
    else await addAreaAssignments(tx, responseId, check.assignments)
    const details = 'replace' in mode ? { count: check.assignments.length } : { domainId: mode.domainId, userId: mode.userId }
    await recordAudit(tx, actor, 'team.assignments-saved', { schoolId: response.schoolId, subject: responseId, details }, { ip })
    return check
  })
}
