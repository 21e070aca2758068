import type { Db } from '../../db/client'
import { setParticipationStatus } from '../../db/queries/participations'
import { answerAuthorsOf, markResponseSubmitted, reopenResponse, teamAddresses } from '../../db/queries/responses'
import { responseReceiptMail, responseReopenedMail } from '../../mail/response-templates'
import { leadersOf } from '../../db/queries/scoring'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { submissionBlockers, visibleItems } from '../../domain/response/response-progress'
import { answeringOpen } from '../../domain/cycle/cycle-calendar'
import { checkEditable, effectiveDeadline } from '../../domain/response/response-rules'
import { recordAudit } from '../audit'
import { scoreLateSubmission } from '../reports/cycle-scoring'
import { AppError, assertCan } from '../errors'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { auditProgramView, editFactsOf, loadResponseAccess, mayEditArea, type ResponseAccess } from './response-access'
import { questionNumbers } from './response-areas'
import { responseSource } from '../../db/queries/historical-rounds'

type Ctx = { db: Db; jobs: JobQueue; baseUrl: string; actor: Actor; ip: string | null }

/**
 * "Check your answers": every answer that applies, grouped by area, with who gave it last and when, and what still
 * stands between the team and submitting.
 */
export async function reviewResponse(db: Db, actor: Actor, responseId: string, now = new Date()) {
  const access = await loadResponseAccess(db, actor, responseId)
  await auditProgramView(db, access, 'review')
  const lock = checkEditable(editFactsOf(access), now)
  return {
    access,
    areas: (await answeredAreas(db, access)).map((a) => ({ ...a, canChange: lock.ok && mayEditArea(access, a.id) })),
    blockers: submissionBlockers(access.narrowed, access.answers),
    numbers: questionNumbers(access),
    canSubmit: can(access.actor, 'response.submit', { schoolId: access.schoolId }) && lock.ok,
    paperEntry: submitsAsPaperEntry(access),
    lockMessage: lock.ok ? null : lock.message,
  }
}

async function answeredAreas(db: Db, access: ResponseAccess) {
  const authors = new Map((await answerAuthorsOf(db, access.id)).map((a) => [a.itemId, a]))
  const visible = visibleItems(access.narrowed, access.answers)
  const numbers = questionNumbers(access)
  return access.narrowed.domains.flatMap((d) =>
    d.areas.map((area) => ({
      id: area.id,
      title: area.title,
      domainTitle: d.title,
      questions: area.items
        .filter((item) => visible.has(item.id))
        .map((item) => {
          const stored = access.stored.get(item.id)
          const author = stored && stored.value !== null ? authors.get(item.id) : undefined
          return { item, number: numbers.get(item.id)!, stored, by: author ? (author.name ?? author.email) : null, at: author?.updatedAt ?? null }
        }),
    })),
  )
}

export type AnsweredArea = Awaited<ReturnType<typeof answeredAreas>>[number]

/** A PDF-ready copy of the answers (submitted or not yet): everyone on the team may keep one. Audited. */
export async function answersCopy(db: Db, actor: Actor, responseId: string, ip: string | null) {
  const access = await loadResponseAccess(db, actor, responseId)
  await recordAudit(db, access.actor, 'response.answers-copied', { schoolId: access.schoolId, subject: access.id }, { ip })
  return { access, areas: await answeredAreas(db, access) }
}

/** The confirmation page after submitting; before that there is nothing to confirm. */
export async function submissionConfirmation(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  if (access.status !== 'submitted') throw new AppError('response.not_submitted', 'This response has not been submitted yet.', 409)
  await auditProgramView(db, access, 'confirmation')
  return { access, team: await teamAddresses(db, access.schoolId) }
}

export type SubmitInput = { certifiedName: string; certify: boolean; paperSignedOn?: string }
type SubmitField = 'certifiedName' | 'certify' | 'response' | 'paperSignedOn'
export type SubmitOutcome = { ok: true } | { ok: false; errors: Partial<Record<SubmitField, string>> }

/**
 * The program team (unless one of them is the school's leader) submits only as a paper entry: the dean signed a
 * paper copy, and the team records who signed it and on which day. So a 'platform' response was always submitted
 * by the school's leader (decision 123).
 */
export const submitsAsPaperEntry = (access: Pick<ResponseAccess, 'role' | 'isAdmin'>) => access.isAdmin && access.role !== 'leader'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

function paperSignedOnError(value: string | undefined, now: Date): string | null {
  if (!value || !ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Enter the day the dean signed the paper copy, like 2026-10-31.'
  if (value > now.toISOString().slice(0, 10)) return 'The day the paper copy was signed cannot be in the future.'
  return null
}

/**
 * The leader certifies and submits: the response locks, the participation is submitted, the team gets a receipt.
 * The program team submits a paper return the same way, naming the dean who signed it and the day.
 */
export async function submitResponse(ctx: Ctx, responseId: string, input: SubmitInput, now = new Date()): Promise<SubmitOutcome> {
  return ctx.db.transaction(async (tx) => {
    const access = await loadResponseAccess(tx, ctx.actor, responseId)
    assertCan(access.actor, 'response.submit', { schoolId: access.schoolId })
    const paper = submitsAsPaperEntry(access)
    if (paper) assertCan(access.actor, 'response.paper-entry')
    const lock = checkEditable(editFactsOf(access), now)
    if (!lock.ok) throw new AppError(lock.code, lock.message, 409)
    const errors: Partial<Record<SubmitField, string>> = {}
    if (input.certifiedName.trim().length < 2) errors.certifiedName = paper ? 'Type the full name of the dean who signed the paper copy.' : 'Type your full name to certify.'
    if (!input.certify) errors.certify = paper ? 'Tick the box to confirm you hold the signed paper copy.' : 'Tick the box to certify the answers.'
    const signedOnError = paper ? paperSignedOnError(input.paperSignedOn, now) : null
    if (signedOnError) errors.paperSignedOn = signedOnError
    if (submissionBlockers(access.narrowed, access.answers).length > 0) errors.response = 'Some required questions are unanswered or some carried-forward answers are unconfirmed. See the list above.'
    if (Object.keys(errors).length > 0) return { ok: false, errors }
    const name = input.certifiedName.trim()
    const paperSignedOn = paper ? input.paperSignedOn! : null
    if (!(await markResponseSubmitted(tx, access.id, { userId: access.actor.userId, name, at: now, paperSignedOn }))) throw new AppError('response.submitted', 'This response was already submitted.', 409)
    await setParticipationStatus(tx, access.participationId, 'submitted', { submittedAt: now, lastActivityAt: now })
    // Submitted after the norms were frozen (late, or after a reopen): scored against the frozen snapshot now.
    await scoreLateSubmission(tx, access.id)
    await recordAudit(tx, access.actor, paper ? 'response.paper-submitted' : 'response.submitted', {
      schoolId: access.schoolId, subject: access.id, details: paper ? { certifiedBy: name, signedOn: paperSignedOn } : { certifiedBy: name },
    }, { ip: ctx.ip })
    const mail = responseReceiptMail({ schoolName: access.schoolName, cycleTitle: access.cycleTitle, certifiedBy: name, submittedAt: now, link: `${ctx.baseUrl}/school/responses/${access.id}` })
    for (const { email } of await teamAddresses(tx, access.schoolId)) await queueMail(tx, ctx.jobs, 'response.receipt', email, mail)
    return { ok: true }
  })
}

const notSubmitted = () => new AppError('response.not_submitted', 'This response is not submitted, so there is nothing to reopen.', 409)

/**
 * The program team unlocks a submitted response; the reason is kept on the response and in the audit log, and the
 * school's leaders are e-mailed with it in the same transaction.
 */
export async function reopenSubmittedResponse(ctx: Ctx, responseId: string, reason: string, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    assertCan(ctx.actor, 'response.reopen')
    const access = await loadResponseAccess(tx, ctx.actor, responseId)
    const source = await responseSource(tx, access.id)
    if (source !== 'platform' && source !== 'paper') {
      throw new AppError('response.imported', 'A response imported from a past round’s records is a record, not a questionnaire: it cannot be reopened.', 409)
    }
    // Before the reason: a response that cannot be reopened has no reason field on its page to show a message beside.
    if (access.status !== 'submitted') throw notSubmitted()
    const trimmed = reason.trim()
    if (trimmed.length < 5) return { ok: false, message: 'Say why the response is reopened (at least a few words).' } as const
    if (!(await reopenResponse(tx, access.id, trimmed, now))) throw notSubmitted()
    await setParticipationStatus(tx, access.participationId, 'in_progress', { lastActivityAt: now })
    await recordAudit(tx, ctx.actor, 'response.reopened', { schoolId: access.schoolId, subject: access.id, details: { reason: trimmed } }, { ip: ctx.ip })
    const answerUntil = answeringOpen(access, now) ? effectiveDeadline(access.deadlineAt, access.deadlineOverrideAt) : null
    const mail = responseReopenedMail({ schoolName: access.schoolName, cycleTitle: access.cycleTitle, reason: trimmed, link: `${ctx.baseUrl}/school/responses/${access.id}`, answerUntil })
    for (const { email } of await leadersOf(tx, access.schoolId)) await queueMail(tx, ctx.jobs, 'response.reopened', email, mail)
    return { ok: true } as const
  })
}
