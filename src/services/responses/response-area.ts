import type { Db } from '../../db/client'
import { assignmentsOf } from '../../db/queries/responses'
import type { FieldReader } from '../../domain/instrument/answer-form'
import { answerFromForm } from '../../domain/instrument/answer-form'
import { formItemOf } from '../../domain/instrument/instrument-form'
import type { Answer } from '../../domain/instrument/instrument-answers'
import type { Area } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { minutesLeft, overallProgress, progressByArea, visibleItems, type StoredAnswer } from '../../domain/response/response-progress'
import { checkEditable } from '../../domain/response/response-rules'
import { AppError, notFound } from '../errors'
import { CONFLICT_MESSAGE, LARGEST_VERSION, saveWithAccess, type Theirs } from './answer-save'
import { areaRows } from './response-areas'
import { areaOf, auditProgramView, editFactsOf, loadResponseAccess, mayEditArea, type ResponseAccess } from './response-access'

export type ItemProblem = { message: string; theirs?: Theirs }
export type AreaView = Awaited<ReturnType<typeof openArea>>

/** The questionnaire page of one area. A contributor may open only the areas assigned to them. */
export async function openArea(db: Db, actor: Actor, responseId: string, areaId: string, now = new Date()) {
  const access = await loadResponseAccess(db, actor, responseId)
  const area = areaOf(access.narrowed, areaId) ?? notFound('area')
  const editable = mayEditArea(access, areaId)
  if (!editable && access.role === 'contributor') throw new AppError('response.not_assigned', 'This area is not assigned to you. Ask your team’s leader or coordinator.', 403)
  await auditProgramView(db, access, `area:${areaId}`)
  const progress = progressByArea(access.narrowed, access.answers)
  const assignments = await assignmentsOf(db, responseId)
  const areas = areaRows(access, progress, assignments)
  const lock = checkEditable(editFactsOf(access), now)
  return {
    access,
    area,
    areas,
    row: areas.find((a) => a.id === areaId)!,
    minutesLeft: minutesLeft(access.narrowed, access.answers, areaId),
    visible: visibleItems(access.narrowed, access.answers),
    progress,
    overall: overallProgress(progress),
    canEdit: editable && lock.ok,
    lockMessage: lock.ok ? null : lock.message,
    paper: access.role === null,
    assignees: assignments.filter((a) => a.areaId === areaId),
  }
}

/** Field names beside an item's answer fields (answer-form.ts owns the answer's own names). */
export const itemFields = (itemId: string) => ({ base: `${itemId}.base`, note: `${itemId}.note`, evidence: `${itemId}.evidence`, useTheirs: `${itemId}.use-theirs`, confirm: `${itemId}.confirm` })

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The area form without JavaScript: every changed item is saved on its own base version. Good answers land even
 * if another item on the page is refused; the refused ones come back with a message (and, for a conflict, the
 * colleague's value) while the page keeps what was typed.
 */
export async function saveAreaAnswers(db: Db, actor: Actor, responseId: string, areaId: string, field: FieldReader, now = new Date()) {
  const access = await loadResponseAccess(db, actor, responseId)
  const area = areaOf(access.narrowed, areaId) ?? notFound('area')
  const problems = new Map<string, ItemProblem>()
  const typed = readTyped(area, field, problems)
  // Skip logic is judged on the answers as they will be once this page lands.
  const after = new Map<string, StoredAnswer>(access.answers)
  for (const [id, value] of typed) after.set(id, { value, prefilled: false })
  const visible = visibleItems(access.narrowed, after)
  // Skip-logic visibility is settled above for the whole page; the single-item check must use the same answers.
  const pageAccess: ResponseAccess = { ...access, answers: after }
  let saved = 0
  await db.transaction(async (tx) => {
    for (const item of area.items) {
      if (problems.has(item.id) || field(itemFields(item.id).useTheirs).includes('1')) continue
      const stored = access.stored.get(item.id)
      const value = typed.get(item.id) ?? null
      const note = (field(itemFields(item.id).note)[0] ?? '').trim() || null
      const evidenceUrl = (field(itemFields(item.id).evidence)[0] ?? '').trim() || null
      const confirm = field(itemFields(item.id).confirm).includes('1') && stored?.prefilled === true
      if (!confirm && same(value, stored?.value) && same(note, stored?.note) && same(evidenceUrl, stored?.evidenceUrl)) continue
      if (!visible.has(item.id)) {
        if (value !== null) problems.set(item.id, { message: 'This question does not apply given your other answers, so it cannot be answered.' })
        continue
      }
      // A made-up version becomes 0, which an existing answer meets as a conflict to resolve, never a failure.
      const typedVersion = Number(field(itemFields(item.id).base)[0] ?? '0')
      const baseVersion = Number.isInteger(typedVersion) && typedVersion >= 0 && typedVersion <= LARGEST_VERSION ? typedVersion : 0
      const input = { itemId: item.id, value, note, evidenceUrl: evidenceUrl ?? '', baseVersion, confirm }
      const outcome = await saveWithAccess(tx, pageAccess, input, now)
      if (outcome.ok) saved++
      else problems.set(item.id, outcome.kind === 'conflict' ? { message: CONFLICT_MESSAGE, theirs: outcome.theirs } : { message: outcome.message })
    }
  })
  if (problems.size === 0) return { ok: true, saved } as const
  const conflictOnly = [...problems.values()].every((p) => p.theirs !== undefined)
  return { ok: false, status: conflictOnly ? 409 : 422, problems, saved } as const
}

function readTyped(area: Area, field: FieldReader, problems: Map<string, ItemProblem>) {
  const typed = new Map<string, Answer>()
  for (const item of area.items) {
    const read = answerFromForm(formItemOf(item), field)
    if (!read.ok) problems.set(item.id, { message: read.message })
    else if (read.answer !== undefined) typed.set(item.id, read.answer)
  }
  return typed
}

export type { ResponseAccess }
