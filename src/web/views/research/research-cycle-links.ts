/**
 * The per-cycle pages of the research area besides the exports, listed on the cycle's page. Each feature adds its
 * own entry (aggregate results, instrument quality) with the path under `/research/cycles/:id/`.
 */
export type ResearchCycleLink = { path: string; label: string; description: string }

export const RESEARCH_CYCLE_LINKS: ResearchCycleLink[] = []
