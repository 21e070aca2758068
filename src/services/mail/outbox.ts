import type { Db } from '../../db/client'
import { findMail, insertMail, markMailRejected, markMailSent, recordMailFailure, requeueMail } from '../../db/queries/mail'
import type { MailContent } from '../../mail/render'
import { messageIdFor, permanentRejection, type MailTransport } from '../../mail/transport'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'
import { recordAudit } from '../audit'
import { JOB_NAMES, type JobQueue } from '../jobs'

/** Stores the message and enqueues its delivery in the caller's transaction: both happen, or neither. */
export async function queueMail(db: Db, jobs: JobQueue, kind: string, to: string, content: MailContent) {
  const { id } = await insertMail(db, { kind, toAddress: to, subject: content.subject, textBody: content.text, htmlBody: content.html })
  await jobs.send(db, JOB_NAMES.sendMail, { mailId: id })
  return id
}

export type DeliveryAttempt = { attempt: number; maxAttempts: number }

/**
 * Sends one stored message. Safe to run twice: a message already sent is left alone. A failure is recorded on
 * the message and rethrown so the queue retries with backoff; the last failure marks it failed for admins to see.
 * A permanent rejection (SMTP 5xx: no such user) is not retried: the message is failed at once with the server's
 * reason, which the cycle page shows as "undeliverable" beside the school (decision 084).
 */
export async function deliverQueuedMail(
  db: Db,
  transport: MailTransport,
  from: string,
  mailId: string,
  { attempt, maxAttempts }: DeliveryAttempt,
  now = () => new Date(),
) {
  const mail = await findMail(db, mailId)
  if (!mail || mail.status !== 'queued') return
  try {
    const { messageId } = await transport.deliver({
      from,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      messageId: messageIdFor(mail.id, from),
    })
    await markMailSent(db, mailId, now(), messageId)
  } catch (err) {
    const rejected = permanentRejection(err)
    if (rejected) return markMailRejected(db, mailId, rejected, now())
    const final = attempt >= maxAttempts
    await recordMailFailure(db, mailId, err instanceof Error ? err.message : String(err), final)
    if (!final) throw err
  }
}

/** An admin sends a failed message again, for instance after fixing a wrong address at the mail server. */
export async function retryFailedMail(db: Db, jobs: JobQueue, actor: Actor, mailId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'mail.view')
    if (!(await requeueMail(tx, mailId))) notFound('failed message')
    await jobs.send(tx, JOB_NAMES.sendMail, { mailId })
    await recordAudit(tx, actor, 'mail.retried', { subject: mailId }, { ip })
  })
}
