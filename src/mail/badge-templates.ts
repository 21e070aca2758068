import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'

/** The links every badge message carries; the embed code is sent as text for the school's web team to paste. */
export type BadgeMailFacts = {
  schoolName: string
  cycleTitle: string
  leaderName: string | null
  verifyUrl: string
  svgUrl: string
  pngUrl: string
  credentialUrl: string
  embedHtml: string
}

const links = (f: BadgeMailFacts) => [
  { link: { href: f.verifyUrl, label: 'The badge’s public verification page' } },
  { link: { href: f.svgUrl, label: 'Download the badge image (SVG, for the web)' } },
  { link: { href: f.pngUrl, label: 'Download the badge image (PNG)' } },
  { link: { href: f.credentialUrl, label: 'Download the Open Badges credential (JSON)' } },
  { paragraph: 'To show the badge on your school’s website, paste this code into the page. It shows the image and links to the verification page:' },
  { paragraph: f.embedHtml },
  { paragraph: 'The badge shows that your school completed the self-assessment. It never shows a score or a ranking.' },
]

export function badgeIssuedMail(f: BadgeMailFacts): MailContent {
  return renderMail(
    `Your Social Mission Metrics badge is ready: ${f.cycleTitle}`,
    [
      { paragraph: f.leaderName ? `Dear ${f.leaderName},` : 'Dear colleague,' },
      { paragraph: `Thank you for completing the Social Mission Metrics self-assessment. The badge of ${f.schoolName} for ${f.cycleTitle} is ready.` },
      ...links(f),
      { paragraph: 'Your school is listed in the public directory of badge holders. A leader of your school can change that at any time from My school.' },
    ],
    FOOTER,
  )
}

export function badgeReissuedMail(f: BadgeMailFacts): MailContent {
  return renderMail(
    `Your badge has a new image: ${f.cycleTitle}`,
    [
      { paragraph: f.leaderName ? `Dear ${f.leaderName},` : 'Dear colleague,' },
      { paragraph: `The badge of ${f.schoolName} for ${f.cycleTitle} now carries the school’s current name. Its verification page and address have not changed; please replace the image on your website.` },
      ...links(f),
    ],
    FOOTER,
  )
}
