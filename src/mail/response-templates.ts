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

export type ReopenedFacts = {
  schoolName: string
  cycleTitle: string
  reason: string
  link: string
  /** The school's own deadline while it may still change answers; null once that time is over. */
  answerUntil: Date | null
}

/** Sent to the school's leaders when the program team reopens a submitted response: they must know, and why. */
export function responseReopenedMail(f: ReopenedFacts): MailContent {
  return renderMail(
    `Reopened: ${f.schoolName}’s response to ${f.cycleTitle}`,
    [
      { paragraph: `The program team reopened ${f.schoolName}’s submitted response to ${f.cycleTitle}.` },
      { paragraph: `The reason given: “${f.reason}”` },
      f.answerUntil
        ? { paragraph: `Your team can change the answers until ${f.answerUntil.toUTCString()}. Once they are right, certify and submit the response again; until then it does not count as submitted.` }
        : { paragraph: 'The deadline has passed, so the program team will make the corrections with you. Reply to this message to arrange it.' },
      { link: { href: f.link, label: 'Open the response' } },
    ],
    FOOTER,
  )
}
