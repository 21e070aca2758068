import type { Db } from '../../db/client'
import { countMailByStatus, findMail, listMail } from '../../db/queries/mail'
import type { MailStatus } from '../../db/schema/operations'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'

export async function mailOverview(db: Db, actor: Actor, filter: { status?: MailStatus; to?: string }) {
  assertCan(actor, 'mail.view')
  const [messages, counts] = await Promise.all([listMail(db, { ...filter, limit: 200 }), countMailByStatus(db)])
  return { messages, counts }
}

/** Kinds of message whose body would let the reader act as the addressee. */
const PERSONAL_LINK_KINDS = new Set(['sign-in', 'invitation', 'team-invitation'])

/**
 * Opens one message. Outside the dev mailbox, bodies carrying someone's personal link are withheld, so the
 * outbox never lets an admin sign in as somebody else.
 */
export async function readMail(db: Db, actor: Actor, mailId: string, { revealPersonalLinks = false } = {}) {
  assertCan(actor, 'mail.view')
  const mail = (await findMail(db, mailId)) ?? notFound('message')
  if (revealPersonalLinks || !PERSONAL_LINK_KINDS.has(mail.kind)) return mail
  const withheld = 'The body is withheld: it holds a personal link that only its addressee may use.'
  return { ...mail, textBody: withheld, htmlBody: null }
}
