import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'

export type ReportReleasedFacts = { schoolName: string; cycleTitle: string; leaderName: string | null; link: string }

export function reportReleasedMail(f: ReportReleasedFacts): MailContent {
  return renderMail(
    `Your confidential report is ready: ${f.cycleTitle}`,
    [
      { paragraph: f.leaderName ? `Dear ${f.leaderName},` : 'Dear colleague,' },
      { paragraph: `The confidential benchmarking report of ${f.schoolName} for ${f.cycleTitle} is ready. Only your school’s leadership and the program team can open it.` },
      { link: { href: f.link, label: 'Read the report' } },
      { paragraph: 'You can also download it as a PDF from the report page, to share with your board.' },
    ],
    FOOTER,
  )
}
