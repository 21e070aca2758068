import type { Db } from '../../db/client'
import { findResponseAccess, findSessionResponseAccess, type StoredAnswerRow } from '../../db/queries/responses'
import { instrumentForDiscipline } from '../../domain/instrument/instrument-applicability'
import { itemsReadBySkipLogic } from '../../domain/instrument/instrument-form'
import type { Area, Instrument } from '../../domain/instrument/instrument-model'
import { can } from '../../domain/policy/policy'
import type { Actor, SchoolRole } from '../../domain/policy/roles'
import type { StoredAnswer } from '../../domain/response/response-progress'
import type { EditFacts } from '../../domain/response/response-rules'
import { recordAudit } from '../audit'
import { actorForSession, actorOfLiveSession } from '../auth/sessions'
import { hashToken } from '../auth/tokens'
import { notFound, signInRequired } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'

export type ResponseAccess = Omit<NonNullable<Awaited<ReturnType<typeof findResponseAccess>>>, 'answers'> & {
  actor: Extract<Actor, { kind: 'user' }>
  /** The actor's role at this school; null for the program team. */
  role: SchoolRole | null
  isAdmin: boolean
  /** The whole instrument, and the instrument as this school's discipline sees it. */
  instrument: Instrument
  narrowed: Instrument
  stored: Map<string, StoredAnswerRow>
  answers: Map<string, StoredAnswer>
}

/**
 * An actor's access to one response, loaded in one query (the instrument is cached). Anyone who may not see the
 * response gets a 404, not a 403, so a response id of another school reveals nothing. Shared by the answer and the
 * team pages.
 */
export async function loadResponseAccess(db: Db, actor: Actor, responseId: string): Promise<ResponseAccess> {
  if (actor.kind !== 'user') return signInRequired()
  const row = (await findResponseAccess(db, responseId, actor.userId)) ?? notFound('response')
  return accessOf(db, actor, row)
}

// The items whose answers the skip logic of any instrument this process has met reads (instruments are immutable,
// so the set only grows; decision 169). Kept also as an array, the statement's parameter.
const skipLogicItems = new Set<string>()
let skipLogicItemList: string[] = []

/**
 * The same for the caller behind a session cookie, with the session and the response read in one statement (the
 * autosave's path: two statements per save instead of three, decision 075). Its `answers` and `stored` hold only the
 * answers skip logic reads, all a save needs to know whether the item shows (decision 169); the first save on an
 * instrument this process has not met yet reads them all, and learns what its conditions read. A missing session or
 * response falls back to the two lookups, so both answer exactly as they do for every other page.
 */
export async function loadSessionResponseAccess(db: Db, sessionToken: string | undefined, responseId: string, now: Date): Promise<ResponseAccess> {
  const row = sessionToken ? await findSessionResponseAccess(db, hashToken(sessionToken), responseId, now, skipLogicItemList) : undefined
  if (!row) return loadResponseAccess(db, await actorForSession(db, sessionToken, now), responseId)
  const actor = await actorOfLiveSession(db, row.session, now)
  const access = await accessOf(db, actor, row.access)
  const read = itemsReadBySkipLogic(access.instrument)
  if (read.every((id) => skipLogicItems.has(id))) return access
  for (const id of read) skipLogicItems.add(id)
  skipLogicItemList = [...skipLogicItems]
  return loadResponseAccess(db, actor, responseId)
}

type AccessRow = NonNullable<Awaited<ReturnType<typeof findResponseAccess>>>

async function accessOf(db: Db, actor: Actor, row: AccessRow): Promise<ResponseAccess> {
  if (actor.kind !== 'user' || !can(actor, 'response.view', { schoolId: row.schoolId })) return notFound('response')
  const instrument = await storedInstrument(db, row.instrumentVersion)
  const { answers, ...facts } = row
  const stored = new Map(answers.map((a) => [a.itemId, a]))
  return {
    ...facts,
    actor,
    role: actor.memberships.find((m) => m.schoolId === row.schoolId)?.role ?? null,
    isAdmin: actor.programRole === 'admin',
    instrument,
    narrowed: instrumentForDiscipline(instrument, row.discipline),
    stored,
    answers: new Map(answers.map((a) => [a.itemId, { value: a.value, prefilled: a.prefilled }])),
  }
}

/** The facts `checkEditable` decides on: every path that changes a response asks with the same ones. */
export const editFactsOf = (access: ResponseAccess): EditFacts =>
  ({ status: access.status, cycleStatus: access.cycleStatus, deadlineAt: access.deadlineAt, deadlineOverrideAt: access.deadlineOverrideAt, isAdmin: access.isAdmin })

export const areaOf = (instrument: Instrument, areaId: string): Area | undefined =>
  instrument.domains.flatMap((d) => d.areas).find((a) => a.id === areaId)

export const mayEditArea = (access: ResponseAccess, areaId: string) =>
  can(access.actor, 'response.area.edit', { schoolId: access.schoolId, areaId, assignedAreaIds: access.assignedAreaIds })

/** The program team looking at a school's answers leaves a trace; the school's own people do not. */
export async function auditProgramView(db: Db, access: ResponseAccess, what: string) {
  if (access.role !== null) return
  await recordAudit(db, access.actor, 'response.viewed', { schoolId: access.schoolId, subject: access.id, details: { what } })
}
