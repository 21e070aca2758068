import type { Actor } from '../../src/domain/policy/roles'
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { areaAssignments } from '../../src/db/schema/responses'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import type { Discipline } from '../../src/domain/school/school-facts'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { openResponseOf } from '../../src/services/responses/school-workspace'
import { tableCells, type Answer } from '../../src/domain/instrument/instrument-answers'
import { itemsOf, type Item } from '../../src/domain/instrument/instrument-model'
import { submissionBlockers } from '../../src/domain/response/response-progress'
import { saveAnswer } from '../../src/services/responses/answer-save'
import { loadResponseAccess } from '../../src/services/responses/response-access'
import { seedMember, seedSchool, seedUser } from './seed'

const DAY = 86_400_000

/**
 * A school that accepted an open cycle on smm-2024, with a leader, a coordinator and a contributor assigned to
 * `contributorAreas`, and its response opened. Inserts memberships and assignments directly (the team pages are
 * built separately).
 */
export async function seedWorkspace(db: Db, options: { discipline?: Discipline; deadlineInDays?: number; contributorAreas?: string[] } = {}) {
  await importInstrumentDirectory(db, CLI_OPERATOR) // safe to repeat: unchanged versions are left alone
  const now = Date.now()
  const [cycle] = await db.insert(cycles).values({
    title: `Workspace round ${randomUUID().slice(0, 6)}`, instrumentVersion: 'smm-2024', disciplines: ['md', 'do', 'dental', 'nursing-adn', 'nursing-bsn-msn', 'pa'],
    status: 'open', opensAt: new Date(now - 10 * DAY), deadlineAt: new Date(now + (options.deadlineInDays ?? 30) * DAY),
  }).returning()
  const school = await seedSchool(db, { discipline: options.discipline ?? 'md' })
  const [participation] = await db.insert(cycleParticipations).values({ cycleId: cycle!.id, schoolId: school.id, status: 'accepted', source: 'all-eligible' }).returning()
  const leader = await seedMember(db, school.id, 'leader')
  const coordinator = await seedMember(db, school.id, 'coordinator')
  const contributor = await seedMember(db, school.id, 'contributor')
  const admin = await seedUser(db, { programRole: 'admin' })
  const leaderActor = { kind: 'user' as const, userId: leader.id, email: leader.email, name: null, programRole: null, memberships: [{ schoolId: school.id, role: 'leader' as const }] }
  const responseId = await openResponseOf(db, leaderActor, participation!.id)
  const areas = options.contributorAreas ?? ['recognition']
  if (areas.length > 0) await db.insert(areaAssignments).values(areas.map((areaId) => ({ responseId, areaId, userId: contributor.id })))
  return { cycle: cycle!, school, participation: participation!, leader, coordinator, contributor, admin, responseId }
}

/** A plausible answer to any item: "no" to gates keeps their follow-ups closed. */
export function sampleAnswer(item: Item): Answer {
  switch (item.kind) {
    case 'yes-no': return false
    case 'single-choice': return item.options[0]!.id
    case 'multiple-choice': return [item.options[0]!.id]
    case 'number': return item.min ?? 0
    case 'likert': return 2
    case 'free-text': return 'Answered in a test.'
    case 'table': return { [tableCells(item)[0]!]: 1 }
  }
}

/** Answers every required question still open, as the school's leader (or as `asActor`), until nothing blocks submission. */
export async function answerAllRequired(db: Db, responseId: string, user: { id: string; email: string }, schoolId: string, asActor?: Actor) {
  const actor = asActor ?? { kind: 'user' as const, userId: user.id, email: user.email, name: null, programRole: null, memberships: [{ schoolId, role: 'leader' as const }] }
  for (let round = 0; round < 5; round++) {
    const access = await loadResponseAccess(db, actor, responseId)
    const open = submissionBlockers(access.narrowed, access.answers).flatMap((b) => b.unanswered)
    if (open.length === 0) return
    const items = new Map(itemsOf(access.instrument).map((e) => [e.item.id, e.item]))
    for (const id of open) await saveAnswer(db, actor, responseId, { itemId: id, value: sampleAnswer(items.get(id)!), baseVersion: 0 })
  }
}
