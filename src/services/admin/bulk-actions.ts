import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { findParticipations, type findParticipation } from '../../db/queries/participations'
import { cycleSchoolIds, type CycleSchoolFilter } from '../../db/queries/cycle-school-list'
import { participationDeadline } from '../../domain/cycle/invitation-rules'
import type { Actor } from '../../domain/policy/roles'
import { invitationMail, reminderMail } from '../../mail/cycle-templates'
import type { MailContent } from '../../mail/render'
import { recordAudit } from '../audit'
import { extendDeadline, resendInvitation } from '../cycles/participation-admin'
import { issueInvitation } from '../cycles/invitation-issue'
import { AppError, assertCan, notFound } from '../errors'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import type { MailGroup } from './cycle-confirmations'

export const BULK_ACTIONS = ['remind', 'extend', 'resend'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]
export const MAX_BULK = 2000

type Ctx = { db: Db; jobs: JobQueue; baseUrl: string; actor: Actor; ip: string | null }
type Participation = NonNullable<Awaited<ReturnType<typeof findParticipation>>>
const DAY_MS = 86_400_000
const SAMPLE_LINK = 'personal-link-made-when-sent'

/** Whole days until a deadline, rounded up, so "closes in 3 days" is never early. */
const daysLeft = (deadline: Date, now: Date) => Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS)

/** Why a school is left out of a bulk action, or null when the action applies to it. */
export function bulkSkipReason(action: BulkAction, p: Participation, now: Date): string | null {
  if (p.status === 'declined') return 'declined'
  if (p.status === 'submitted') return 'already submitted'
  if (action !== 'extend' && !p.inviteeEmail) return 'no addressee'
  if (action === 'resend' && p.status !== 'invited') return 'already answered the invitation'
  if (action === 'remind' && daysLeft(participationDeadline(p.deadlineAt, p.deadlineOverrideAt), now) < 1) return 'deadline passed'
  return null
}

/** The reminder one school gets now: a fresh invitation link if it has not answered, else the deadline reminder. */
function reminderFor(p: Participation, baseUrl: string, link: string, now: Date): MailContent {
  const deadlineAt = participationDeadline(p.deadlineAt, p.deadlineOverrideAt)
  if (p.status === 'invited') return invitationMail({ schoolName: p.schoolName, cycleTitle: p.cycleTitle, deanName: p.inviteeName, link, deadlineAt, reminder: true })
  return reminderMail({ schoolName: p.schoolName, cycleTitle: p.cycleTitle, daysBefore: daysLeft(deadlineAt, now), deadlineAt, link: `${baseUrl}/sign-in` })
}

/**
 * Every school of the cycle that the list's filter matches, on all its pages: what "all that match" acts on. More
 * than a bulk action takes is refused with the count, so nobody acts on a cut-off list without knowing.
 */
export async function matchingSchoolIds(db: Db, actor: Actor, cycleId: string, filter: CycleSchoolFilter) {
  assertCan(actor, 'cycles.manage')
  const ids = await cycleSchoolIds(db, cycleId, filter, MAX_BULK + 1)
  if (ids.length > MAX_BULK) throw new AppError('bulk.too_many', `More than ${MAX_BULK.toLocaleString('en-US')} schools match the filter. Narrow it (by status, discipline or state) and try again.`, 422)
  return ids
}

async function selected(db: Db, actor: Actor, cycleId: string, ids: readonly string[]) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  if (cycle.status !== 'open') throw new AppError('cycle.not_open', 'Bulk actions work only while the cycle is open.', 409)
  // One statement for every chosen school ("all that match" may be thousands), kept in the order they were chosen.
  const found = new Map((ids.length === 0 ? [] : await findParticipations(db, [...new Set(ids)])).map((p) => [p.id, p]))
  const rows = [...new Set(ids)].map((id) => found.get(id)).filter((p): p is Participation => p !== undefined && p.cycleId === cycleId)
  return { cycle, rows }
}

/** What a bulk action would do to the ticked schools: who is included, who is left out and why, and the message. */
export async function bulkPreview(db: Db, actor: Actor, baseUrl: string, cycleId: string, action: BulkAction, ids: readonly string[], now = new Date()) {
  const { cycle, rows } = await selected(db, actor, cycleId, ids)
  const targets = rows.map((p) => ({ id: p.id, schoolName: p.schoolName, status: p.status, skip: bulkSkipReason(action, p, now) }))
  const included = rows.filter((p) => bulkSkipReason(action, p, now) === null)
  const link = `${baseUrl}/invitation?token=${SAMPLE_LINK}`
  const groups: MailGroup[] = []
  if (action === 'resend') {
    groups.push({ label: 'deans get their invitation again, with a new link (the old one stops working)', people: included.length, preview: included[0] ? invitationMail({ schoolName: included[0].schoolName, cycleTitle: cycle.title, deanName: included[0].inviteeName, link, deadlineAt: participationDeadline(included[0].deadlineAt, included[0].deadlineOverrideAt) }) : null })
  }
  if (action === 'remind') {
    const unanswered = included.filter((p) => p.status === 'invited')
    const started = included.filter((p) => p.status !== 'invited')
    groups.push({ label: 'deans who have not answered get their invitation again, with a new link', people: unanswered.length, preview: unanswered[0] ? reminderFor(unanswered[0], baseUrl, link, now) : null })
    groups.push({ label: 'schools that accepted get a reminder of their deadline', people: started.length, preview: started[0] ? reminderFor(started[0], baseUrl, link, now) : null })
  }
  return { cycle, targets, included: included.length, groups }
}

export type BulkPreview = Awaited<ReturnType<typeof bulkPreview>>

/**
 * Applies a confirmed bulk action in one transaction: each school through the same service as its own page
 * (resend, extend), or a reminder now; the schools it does not apply to are skipped and counted.
 */
export async function applyBulk(ctx: Ctx, cycleId: string, action: BulkAction, ids: readonly string[], until: Date | null, now = new Date()) {
  return ctx.db.transaction(async (tx) => {
    const { rows } = await selected(tx, ctx.actor, cycleId, ids)
    const inner = { ...ctx, db: tx }
    let done = 0
    for (const p of rows) {
      if (bulkSkipReason(action, p, now) !== null) continue
      if (action === 'resend') await resendInvitation(inner, p.id, undefined, now)
      if (action === 'extend') {
        const saved = await extendDeadline(inner, p.id, until)
        if (!saved.ok) return { ok: false as const, message: saved.message }
      }
      if (action === 'remind') {
        if (p.status === 'invited') await issueInvitation(tx, ctx.jobs, ctx.baseUrl, p, now, true)
        else await queueMail(tx, ctx.jobs, 'reminder', p.inviteeEmail!, reminderFor(p, ctx.baseUrl, '', now))
        await recordAudit(tx, ctx.actor, 'cycle.reminder-sent', { schoolId: p.schoolId, subject: p.id, details: { by: 'hand' } }, { ip: ctx.ip })
      }
      done++
    }
    await recordAudit(tx, ctx.actor, 'cycle.bulk-action', { subject: cycleId, details: { action, schools: done, skipped: rows.length - done } }, { ip: ctx.ip })
    return { ok: true as const, done, skipped: rows.length - done }
  })
}
