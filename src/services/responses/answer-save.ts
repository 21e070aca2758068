import { z } from 'zod'
import type { Db } from '../../db/client'
import { findAnswer, setEntryMode, writeAnswer } from '../../db/queries/responses'
import type { AnswerChangeSource } from '../../db/schema/responses'
import { validateAnswer, type Answer } from '../../domain/instrument/instrument-answers'
import { findItem } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { ANSWERABILITY_MESSAGES, answerability } from '../../domain/response/response-progress'
import { isRepeatOfLastSave } from '../../domain/response/repeated-save'
import { checkEditable } from '../../domain/response/response-rules'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import { editFactsOf, loadResponseAccess, loadSessionResponseAccess, mayEditArea, type ResponseAccess } from './response-access'

const Url = z.url({ protocol: /^https?$/, error: 'Enter a full web address starting with https://' }).max(2000, 'Keep the link under 2,000 characters.')

/** Versions are a PostgreSQL integer; a larger one could only be made up, and must not reach the database. */
export const LARGEST_VERSION = 2_147_483_647

/** One answer as the questionnaire script sends it. `value: null` clears the answer. */
export const AnswerSaveInput = z.strictObject({
  itemId: z.string().min(1).max(200),
  value: z.unknown().optional(),
  escape: z.enum(['dont-know', 'not-applicable']).optional(),
  note: z.string().trim().max(4000, 'Keep the note under 4,000 characters.').nullish(),
  evidenceUrl: z.union([z.literal(''), Url]).nullish(),
  baseVersion: z.number().int().min(0).max(LARGEST_VERSION),
  /** Confirms a carried-forward answer as it stands. */
  confirm: z.boolean().optional(),
})
export type AnswerSaveInput = z.infer<typeof AnswerSaveInput>

export type Theirs = { value: Answer | null; version: number; note: string | null; evidenceUrl: string | null; by: string | null; at: Date }
export type SaveOutcome =
  | { ok: true; version: number }
  | { ok: false; kind: 'invalid'; field: 'value' | 'note' | 'evidenceUrl'; message: string }
  | { ok: false; kind: 'conflict'; message: string; theirs: Theirs; yours: Answer | null }

export const CONFLICT_MESSAGE = 'Someone else changed this answer while you were editing. Choose which to keep.'

/**
 * Saves one answer: the benchmark's and the autosave's seam. Typical cost: the access query and one write
 * statement (answer, history and activity together); the first save of a response adds an audit row.
 */
export async function saveAnswer(db: Db, actor: Actor, responseId: string, input: AnswerSaveInput, now = new Date()): Promise<SaveOutcome> {
  const access = await loadResponseAccess(db, actor, responseId)
  return saveWithAccess(db, access, input, now)
}

/** The same for the caller behind a session cookie: the autosave's path, one statement fewer (decision 075). */
export async function saveAnswerBySession(db: Db, sessionToken: string | undefined, responseId: string, input: AnswerSaveInput, now = new Date()): Promise<SaveOutcome> {
  return saveWithAccess(db, await loadSessionResponseAccess(db, sessionToken, responseId, now), input, now)
}

export async function saveWithAccess(db: Db, access: ResponseAccess, input: AnswerSaveInput, now: Date): Promise<SaveOutcome> {
  const found = findItem(access.instrument, input.itemId)
  if (!found) return { ok: false, kind: 'invalid', field: 'value', message: ANSWERABILITY_MESSAGES.unknown }
  if (!mayEditArea(access, found.area.id)) throw new AppError('response.not_assigned', 'You are not assigned to this area, so you cannot change its answers.', 403)
  const editable = checkEditable(editFactsOf(access), now)
  if (!editable.ok) throw new AppError(editable.code, editable.message, editable.code === 'response.submitted' ? 409 : 403)

  const answerable = answerability(access.instrument, access.narrowed, access.discipline, input.itemId, access.answers)
  if (answerable !== 'ok') return { ok: false, kind: 'invalid', field: 'value', message: ANSWERABILITY_MESSAGES[answerable] }
  const raw = input.escape ? { escape: input.escape } : input.value
  let value: Answer | null = null
  if (raw !== undefined && raw !== null) {
    const checked = validateAnswer(found.item, raw)
    if (!checked.ok) return { ok: false, kind: 'invalid', field: 'value', message: checked.message }
    value = checked.answer
  }

  if (input.evidenceUrl && !Url.safeParse(input.evidenceUrl).success) {
    return { ok: false, kind: 'invalid', field: 'evidenceUrl', message: 'Enter a full web address starting with https://' }
  }
  const source: AnswerChangeSource = access.role === null ? 'paper' : input.confirm ? 'confirm' : 'online'
  const sent = { value, note: input.note || null, evidenceUrl: input.evidenceUrl || null, baseVersion: input.baseVersion, userId: access.actor.userId }
  const version = await writeAnswer(db, { responseId: access.id, participationId: access.participationId, itemId: input.itemId, ...sent, source, now })
  if (version === undefined) {
    const current = await findAnswer(db, access.id, input.itemId)
    if (current && isRepeatOfLastSave(current, sent)) return { ok: true, version: current.version }
    const theirs: Theirs = current
      ? { value: current.value, version: current.version, note: current.note, evidenceUrl: current.evidenceUrl, by: current.updatedBy ?? current.updatedByEmail, at: current.updatedAt }
      : { value: null, version: 0, note: null, evidenceUrl: null, by: null, at: now }
    return { ok: false, kind: 'conflict', message: CONFLICT_MESSAGE, theirs, yours: value }
  }
  await noteFirstChanges(db, access)
  return { ok: true, version }
}

/** Once per response: the participation turned in_progress (the write did it), and a paper entry began. */
async function noteFirstChanges(db: Db, access: ResponseAccess) {
  if (access.participationStatus === 'accepted') {
    await recordAudit(db, access.actor, 'cycle.participation-in_progress', { schoolId: access.schoolId, subject: access.participationId })
    access.participationStatus = 'in_progress'
  }
  if (source(access) === 'paper' && access.entryMode !== 'paper') {
    await setEntryMode(db, access.id, 'paper')
    await recordAudit(db, access.actor, 'response.paper-entry-started', { schoolId: access.schoolId, subject: access.id })
    access.entryMode = 'paper'
  }
}

const source = (access: ResponseAccess) => (access.role === null ? 'paper' : 'online')
