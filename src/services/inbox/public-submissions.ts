import type { Db } from '../../db/client'
import { insertNomination } from '../../db/queries/champions'
import { insertInboxItem, programAdminEmails } from '../../db/queries/inbox'
import { countRecentEvents, insertEvents } from '../../db/queries/rate-limits'
import { normalizeEmail } from '../../domain/auth/sign-in-rules'
import { INBOX_KIND_LABELS, PUBLIC_SUBMISSION_RATE_LIMIT, type InboxKind } from '../../domain/inbox/inbox-rules'
import { newInboxItemMail } from '../../mail/inbox-templates'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'

export type SubmissionContext = { ip: string | null; baseUrl: string; jobs: JobQueue; now?: Date }
export type SubmissionOutcome = { outcome: 'received' } | { outcome: 'rate-limited'; retryAfterMinutes: number }

export type NominationInput = {
  nomineeName: string
  nomineeRole: string
  nomineeInstitution: string
  achievements: string
  nominatorName: string
  nominatorEmail: string
  consentToFeature: boolean
  /** The hidden field only bots fill in. */
  honeypot: string
}

export type ContactInput = { kind: Extract<InboxKind, 'badge-inquiry' | 'general-contact'>; name: string; email: string; subject: string; message: string; honeypot: string }

/** A Champion nomination from the public form lands in the inbox, and every admin hears of it. */
export function submitNomination(db: Db, input: NominationInput, context: SubmissionContext) {
  return receive(db, context, input.honeypot, async (tx) => {
    const item = await insertInboxItem(tx, {
      kind: 'champion-nomination',
      senderName: input.nominatorName,
      senderEmail: normalizeEmail(input.nominatorEmail),
      subject: `${input.nomineeName}, ${input.nomineeRole}, ${input.nomineeInstitution}`,
      message: input.achievements,
    })
    await insertNomination(tx, {
      inboxItemId: item.id,
      nomineeName: input.nomineeName,
      nomineeRole: input.nomineeRole,
      nomineeInstitution: input.nomineeInstitution,
      consentToFeature: input.consentToFeature,
    })
    return { id: item.id, kind: 'champion-nomination' as const, senderName: input.nominatorName, subject: input.nomineeName }
  })
}

/** A badge inquiry or general question from the contact form. */
export function submitContactMessage(db: Db, input: ContactInput, context: SubmissionContext) {
  return receive(db, context, input.honeypot, async (tx) => {
    const item = await insertInboxItem(tx, {
      kind: input.kind,
      senderName: input.name,
      senderEmail: normalizeEmail(input.email),
      subject: input.subject,
      message: input.message,
    })
    return { id: item.id, kind: input.kind, senderName: input.name, subject: input.subject }
  })
}

/**
 * The shared path of every public form: a filled honeypot is thanked and dropped (a bot learns nothing), the
 * per-IP limit is checked and counted, the item is stored, and admins are mailed, all in one transaction.
 */
async function receive(
  db: Db,
  context: SubmissionContext,
  honeypot: string,
  store: (tx: Db) => Promise<{ id: string; kind: InboxKind; senderName: string; subject: string }>,
): Promise<SubmissionOutcome> {
  if (honeypot.trim() !== '') return { outcome: 'received' }
  const now = context.now ?? new Date()
  return db.transaction(async (tx) => {
    if (context.ip) {
      const bucket = `public-form:ip:${context.ip}`
      const { max, windowMs } = PUBLIC_SUBMISSION_RATE_LIMIT
      if ((await countRecentEvents(tx, bucket, new Date(now.getTime() - windowMs))) >= max) {
        return { outcome: 'rate-limited', retryAfterMinutes: Math.ceil(windowMs / 60_000) }
      }
      await insertEvents(tx, [bucket], now)
    }
    const item = await store(tx)
    const mail = newInboxItemMail({ kindLabel: INBOX_KIND_LABELS[item.kind], senderName: item.senderName, subject: item.subject }, `${context.baseUrl}/admin/inbox/${item.id}`)
    for (const admin of await programAdminEmails(tx)) await queueMail(tx, context.jobs, 'inbox-notice', admin, mail)
    return { outcome: 'received' }
  })
}
