import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'

export type ReceiptFacts = { schoolName: string; cycleTitle: string; certifiedBy: string; submittedAt: Date; link: string }

/** Sent to everyone on the school's team when the leader submits. */
export function responseReceiptMail(f: ReceiptFacts): MailContent {
  return renderMail(
    `Receipt: ${f.schoolName} submitted its response to ${f.cycleTitle}`,
    [
      { paragraph: `${f.certifiedBy} certified and submitted ${f.schoolName}’s response to ${f.cycleTitle} on ${f.submittedAt.toUTCString()}.` },
      { paragraph: 'The response is now locked. If something must change, ask the program team to reopen it.' },
      { link: { href: f.link, label: 'See the submitted response' } },
      { paragraph: 'Thank you to everyone who contributed.' },
    ],
    FOOTER,
  )
}
