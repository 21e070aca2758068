import type { Transporter } from 'nodemailer'

/** `messageId`: the Message-ID header, the same for every attempt at one stored message (see `messageIdFor`). */
export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string | null; messageId?: string }
export type MailTransport = { deliver(mail: OutgoingMail): Promise<{ messageId: string | null }>; close(): void }

/**
 * A real SMTP server when `SMTP_URL` is set. Without it, nodemailer still builds each message but sends it
 * nowhere: the stored copy in `mail_messages` is what the dev mailbox shows. `replyTo` goes on every message, so
 * "reply" reaches the program team rather than the no-reply sender (`MAIL_REPLY_TO`, decision 083).
 */
export function createMailTransport(smtpUrl: string | undefined, { replyTo }: { replyTo?: string } = {}): MailTransport {
  // nodemailer is a twelfth of the server bundle and no message goes out during a start: loaded for the first one
  // (decision 175). SMTP_URL's form is checked with the configuration, before the start.
  let transporter: Promise<Transporter> | undefined
  const opened = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true }),
    ))
  return {
    async deliver(mail) {
      const info = await (await opened()).sendMail({ ...mail, html: mail.html ?? undefined, ...(replyTo ? { replyTo } : {}) })
      return { messageId: info.messageId ?? null }
    },
    close: () => void transporter?.then((opened) => opened.close()),
  }
}

/**
 * One stored message's Message-ID, on every attempt to send it. Delivery is at least once: when the server took a
 * message but the "sent" mark could not be written (the database away at that moment), the queue sends it again.
 * With the same Message-ID, mail systems and clients recognise the second copy as the same message and drop it.
 * The domain is the sender's, as RFC 5322 suggests; the id part is the stored message's own id.
 */
export function messageIdFor(storedId: string, from: string): string {
  const domain = from.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'social-mission-metrics.invalid'
  return `<${storedId}@${domain}>`
}

/**
 * The receiving server's reason when it refused the message for good: an SMTP 5xx reply ("550 no such user").
 * A 4xx reply or a network error is temporary and worth retrying, so it gives null.
 */
export function permanentRejection(err: unknown): string | null {
  const { responseCode, response } = (err ?? {}) as { responseCode?: unknown; response?: unknown }
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return null
  return typeof response === 'string' && response.trim() !== '' ? response.trim() : `${responseCode} ${(err as Error).message ?? ''}`.trim()
}
