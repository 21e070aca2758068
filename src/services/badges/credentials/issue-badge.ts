import { badgeFactsProblems } from '../../../domain/badges/badge-facts-check'
import { badgeSvg } from '../../../domain/badges/badge-svg'
import { openBadgeCredential } from '../../../domain/badges/open-badge-credential'
import { bakePng } from '../../../domain/badges/png-baking'
import { bakeSvg } from '../../../domain/badges/svg-baking'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { BadgeArtefacts, BadgeFacts, BadgeIssuer } from './contract'
import { renderBadgePng } from './render-png'
import { signCredential } from './sign-credential'

export class BadgeFactsError extends Error {}

/** Builds the credential, signs it, draws the image and bakes the signed credential into the SVG and the PNG. */
export async function issueBadge(facts: BadgeFacts, issuer: BadgeIssuer): Promise<BadgeArtefacts> {
  const problems = badgeFactsProblems(facts)
  if (problems.length) throw new BadgeFactsError(`Cannot issue badge ${facts.publicId}: ${problems.join(' ')}`)
  const image = badgeSvg({ schoolName: facts.schoolName, disciplineLabel: DISCIPLINE_LABELS[facts.discipline], cycleYear: facts.cycleYear })
  const [credential, png] = await Promise.all([
    signCredential(openBadgeCredential(facts, issuer.baseUrl), issuer, facts.issuedAt),
    renderBadgePng(image),
  ])
  const json = JSON.stringify(credential)
  return { credential, svg: bakeSvg(image, json), png: Buffer.from(bakePng(png, json)) }
}
