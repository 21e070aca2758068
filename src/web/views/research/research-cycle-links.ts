/**
 * The per-cycle pages of the research area besides the exports, listed on the cycle's page. Each feature adds its
 * own entry (aggregate results, instrument quality) with the path under `/research/cycles/:id/`.
 */
export type ResearchCycleLink = { path: string; label: string; description: string }

export const RESEARCH_CYCLE_LINKS: ResearchCycleLink[] = [
  { path: 'results', label: 'Aggregate results', description: 'every score’s mean, spread and quartiles, overall and by discipline, control and Carnegie group, with box plots and group comparisons' },
  { path: 'quality', label: 'Instrument quality', description: 'each question’s answers, don’t-know and missing rates, item–rest correlation and each area’s Cronbach’s alpha' },
]
