import { SectionNav } from '../section-nav'

/**
 * The analyst area's sections, shown on every /research page under the site header. Aggregate results and
 * instrument quality are per cycle, reached from a cycle's page (`research-cycle-links.ts`).
 */
export const RESEARCH_SECTIONS = [{ href: '/research', label: 'Cycles' }] as const

export function ResearchNav({ path }: { path: string }) {
  const clean = path.replace(/\/+$/, '') || '/'
  const current = RESEARCH_SECTIONS.findLast((s) => clean === s.href || clean.startsWith(`${s.href}/`))?.href
  return <SectionNav label="Research" sections={RESEARCH_SECTIONS} current={current} />
}
