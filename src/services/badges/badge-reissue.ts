import type { Db } from '../../db/client'
import { replaceBadgeArtefacts } from '../../db/queries/issued-badges'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError } from '../errors'
import type { JobQueue } from '../jobs'
import type { BadgeIssuer } from './credentials/contract'
import { badgeToolkit } from './badge-toolkit'
import { cycleYearOf } from './badge-issue'
import { mailBadgeToLeaders } from './badge-mail'
import { manageableBadge } from './badge-revoke'

/**
 * A new image and credential after the school renamed: the school's current name, the same public id, status bit
 * and period, so links and embeds keep working; the leaders get the new files.
 */
export async function reissueBadgeImage(db: Db, jobs: JobQueue, issuer: BadgeIssuer, actor: Actor, badgeId: string, ip: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const badge = await manageableBadge(tx, actor, badgeId)
    const facts = {
      publicId: badge.publicId, schoolName: badge.currentSchoolName, discipline: badge.discipline, cycleTitle: badge.cycleTitle,
      cycleYear: cycleYearOf(badge.cycleOpensAt), validFrom: badge.validFrom, validUntil: badge.validUntil, statusIndex: badge.statusIndex, issuedAt: now,
    }
    const artefacts = await (await badgeToolkit()).issueBadge(facts, issuer)
    const row = await replaceBadgeArtefacts(tx, badge.id, { schoolName: facts.schoolName, credential: artefacts.credential, svg: artefacts.svg, png: artefacts.png })
    if (!row) throw new AppError('badge.revoked', `The badge of ${badge.schoolName} is already revoked.`, 409)
    await recordAudit(tx, actor, 'badge.reissued', {
      schoolId: badge.schoolId, subject: badge.id, details: { publicId: badge.publicId, from: badge.schoolName, to: facts.schoolName, imageVersion: row.imageVersion },
    }, { ip })
    await mailBadgeToLeaders(tx, jobs, issuer.baseUrl, { ...facts, schoolId: badge.schoolId }, 'reissued')
    return { schoolName: facts.schoolName, imageVersion: row.imageVersion }
  })
}
