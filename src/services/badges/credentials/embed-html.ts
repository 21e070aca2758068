import { badgeUrls } from '../../../domain/badges/credential-urls'
import { escapeXml } from '../../../domain/badges/xml-escape'
import type { BadgeFacts } from './contract'

/** The snippet a school pastes on its website: the badge image, linked to its public verification page. */
export function embedHtml(facts: Pick<BadgeFacts, 'publicId' | 'schoolName' | 'cycleYear'>, baseUrl: string): string {
  const urls = badgeUrls(baseUrl)
  const alt = `${facts.schoolName} holds the Social Mission Metrics ${Math.trunc(facts.cycleYear)} badge. Verify it.`
  return (
    `<a href="${escapeXml(urls.verification(facts.publicId))}">` +
    `<img src="${escapeXml(urls.svg(facts.publicId))}" alt="${escapeXml(alt)}" width="160" height="160"></a>`
  )
}
