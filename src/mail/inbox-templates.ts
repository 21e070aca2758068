import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics: you receive this because you are a program admin.'

/** Tells admins something arrived; the sender's words stay in the inbox, behind sign-in. */
export function newInboxItemMail(item: { kindLabel: string; senderName: string; subject: string }, link: string): MailContent {
  return renderMail(
    `New in the inbox: ${item.kindLabel}`,
    [
      { paragraph: `${item.senderName} sent a ${item.kindLabel.toLowerCase()}: “${item.subject}”.` },
      { link: { href: link, label: 'Open it in the inbox' } },
    ],
    FOOTER,
  )
}
