import type { Db } from '../../db/client'
import { countMailByStatus, findMail, listMail } from '../../db/queries/mail'
import type { MailStatus } from '../../db/schema/operations'
import { pageSlice } from '../../domain/paging/page-slice'
import type { Actor } from '../../domain/policy/roles'
import { assertCan, notFound } from '../errors'

/** The counts per status (one aggregate) and one page of the messages in the status asked for (decision 163). */
export async function mailOverview(db: Db, actor: Actor, filter: { status?: MailStatus | undefined }, page: number) {
  assertCan(actor, 'mail.view')
  const counts = await countMailByStatus(db)
  const slice = pageSlice(page, filter.status ? (counts[filter.status] ?? 0) : Object.values(counts).reduce((n, c) => n + c, 0))
  return { messages: await listMail(db, filter, slice), counts, slice }
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
