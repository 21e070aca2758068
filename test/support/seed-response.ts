import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/client'
import { insertCycle } from '../../src/db/queries/cycles'
import { insertParticipations } from '../../src/db/queries/participations'
import { answers, responses } from '../../src/db/schema/responses'
import type { Answer } from '../../src/domain/instrument/instrument-answers'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'

const DAY = 86_400_000

/**
 * (feature/workspace-team) A school's response in a fresh cycle of its own, with the instruments imported. Open
 * and in progress by default; `submitted` makes it an earlier cycle's finished response, with `answers` stored.
 * To be merged with the workspace-answers helper's seed of the same name.
 */
export async function seedResponse(
  db: Db,
  schoolId: string,
  options: { instrumentVersion?: 'smm-2024' | 'smm-2019'; submitted?: boolean; answers?: Record<string, Answer> } = {},
) {
  await importInstrumentDirectory(db, CLI_OPERATOR)
  const instrumentVersion = options.instrumentVersion ?? 'smm-2024'
  const now = Date.now()
  const submitted = options.submitted ?? false
  const cycleTitle = `${submitted ? 'Earlier' : 'Current'} round ${randomUUID().slice(0, 6)}`
  const cycle = await insertCycle(db, {
    title: cycleTitle,
    instrumentVersion,
    disciplines: ['md'],
    status: submitted ? 'closed' : 'open',
    opensAt: new Date(now - (submitted ? 400 : 10) * DAY),
    deadlineAt: new Date(now + (submitted ? -300 : 30) * DAY),
  })
  const [participation] = await insertParticipations(db, [
    { cycleId: cycle.id, schoolId, status: submitted ? 'submitted' : 'accepted', source: 'all-eligible' },
  ])
  const [response] = await db
    .insert(responses)
    .values({
      participationId: participation!.id,
      cycleId: cycle.id,
      schoolId,
      instrumentVersion,
      status: submitted ? 'submitted' : 'in_progress',
      submittedAt: submitted ? new Date(now - 310 * DAY) : null,
    })
    .returning()
  const given = Object.entries(options.answers ?? {})
  if (given.length > 0) await db.insert(answers).values(given.map(([itemId, value]) => ({ responseId: response!.id, itemId, value })))
  return { ...response!, cycleTitle }
}
