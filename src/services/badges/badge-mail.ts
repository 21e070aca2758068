import type { Db } from '../../db/client'
import { leadersOf } from '../../db/queries/scoring'
import { badgeIssuedMail, badgeReissuedMail } from '../../mail/badge-templates'
import type { JobQueue } from '../jobs'
import { queueMail } from '../mail/outbox'
import { badgeToolkit } from './badge-toolkit'
import { badgeCredentialPath, badgeImagePath, badgeVerifyPath } from './badge-links'

export type BadgeMailSubject = { schoolId: string; schoolName: string; cycleTitle: string; cycleYear: number; publicId: string }

/** E-mails each leader of the school the badge's links and embed code, in the caller's transaction. */
export async function mailBadgeToLeaders(db: Db, jobs: JobQueue, baseUrl: string, badge: BadgeMailSubject, kind: 'issued' | 'reissued') {
  const leaders = await leadersOf(db, badge.schoolId)
  const toolkit = await badgeToolkit()
  for (const leader of leaders) {
    const facts = {
      schoolName: badge.schoolName,
      cycleTitle: badge.cycleTitle,
      leaderName: leader.name,
      verifyUrl: `${baseUrl}${badgeVerifyPath(badge.publicId)}`,
      svgUrl: `${baseUrl}${badgeImagePath(badge.publicId, 'svg')}`,
      pngUrl: `${baseUrl}${badgeImagePath(badge.publicId, 'png')}`,
      credentialUrl: `${baseUrl}${badgeCredentialPath(badge.publicId)}`,
      embedHtml: toolkit.embedHtml({ publicId: badge.publicId, schoolName: badge.schoolName, cycleYear: badge.cycleYear }, baseUrl),
    }
    const content = kind === 'issued' ? badgeIssuedMail(facts) : badgeReissuedMail(facts)
    await queueMail(db, jobs, `badge.${kind}`, leader.email, content)
  }
  return leaders.length
}
