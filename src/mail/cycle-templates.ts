import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'
const longDate = (d: Date) => d.toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })

export type InvitationMailFacts = {
  schoolName: string
  cycleTitle: string
  deanName: string | null
  link: string
  deadlineAt: Date
  /** set when this is a reminder to a school that has not answered yet */
  reminder?: boolean
}

export function invitationMail(f: InvitationMailFacts): MailContent {
  return renderMail(
    `${f.reminder ? 'Reminder: invitation' : 'Invitation'}: ${f.cycleTitle} for ${f.schoolName}`,
    [
      { paragraph: f.deanName ? `Dear ${f.deanName},` : 'Dear Dean,' },
      {
        paragraph: `${f.schoolName} is invited to take part in ${f.cycleTitle}, the Social Mission Metrics self-assessment. ` +
          'Your school answers one shared questionnaire about its contribution to health equity and receives a confidential benchmarking report.',
      },
      { paragraph: `This link is personal to you. Use it to accept or decline by ${longDate(f.deadlineAt)}. Accepting makes you your school’s lead for this round and signs you in.` },
      { link: { href: f.link, label: 'Accept or decline the invitation' } },
      { paragraph: 'If this should go to someone else at your school, reply to this message and we will redirect it.' },
    ],
    FOOTER,
  )
}

export type ReminderMailFacts = { schoolName: string; cycleTitle: string; daysBefore: number; deadlineAt: Date; link: string }

export function reminderMail(f: ReminderMailFacts): MailContent {
  const when = f.daysBefore === 1 ? 'tomorrow' : `in ${f.daysBefore} days`
  return renderMail(
    `Reminder: ${f.cycleTitle} closes ${when}`,
    [
      { paragraph: 'Dear Dean,' },
      { paragraph: `${f.schoolName} has not yet submitted its self-assessment for ${f.cycleTitle}. The deadline is ${longDate(f.deadlineAt)}.` },
      { link: { href: f.link, label: 'Open Social Mission Metrics' } },
      { paragraph: 'If your school has decided not to take part this round, you can ignore this message.' },
    ],
    FOOTER,
  )
}
