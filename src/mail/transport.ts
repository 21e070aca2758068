import nodemailer from 'nodemailer'

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string | null }
export type MailTransport = { deliver(mail: OutgoingMail): Promise<{ messageId: string | null }>; close(): void }

/**
 * A real SMTP server when `SMTP_URL` is set. Without it, nodemailer still builds each message but sends it
 * nowhere: the stored copy in `mail_messages` is what the dev mailbox shows.
 */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  const transporter = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true })
  return {
    async deliver(mail) {
      const info = await transporter.sendMail({ ...mail, html: mail.html ?? undefined })
      return { messageId: info.messageId ?? null }
    },
    close: () => transporter.close(),
  }
}
