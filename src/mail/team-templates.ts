import type { SchoolRole } from '../domain/policy/roles'
import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'

const ROLE_WORDS: Record<SchoolRole, string> = {
  leader: 'as one of its leaders',
  coordinator: 'as the primary respondent, who coordinates the answers',
  contributor: 'to answer the parts assigned to you',
}

export function teamInvitationMail(m: { schoolName: string; cycleTitle: string; inviterName: string; role: SchoolRole; link: string; daysValid: number }): MailContent {
  return renderMail(
    `${m.inviterName} invited you to ${m.schoolName}’s self-assessment`,
    [
      { paragraph: 'Hello,' },
      { paragraph: `${m.inviterName} asked you to join ${m.schoolName}’s team for ${m.cycleTitle} of the Social Mission Metrics Self-Assessment, ${ROLE_WORDS[m.role]}.` },
      { paragraph: `The link below signs you in and opens the school’s response. It is personal, works once and expires in ${m.daysValid} days; afterwards you can always ask for a sign-in link with this address.` },
      { link: { href: m.link, label: `Join ${m.schoolName}’s team` } },
      { paragraph: 'If you did not expect this, you can ignore this message.' },
    ],
    FOOTER,
  )
}
