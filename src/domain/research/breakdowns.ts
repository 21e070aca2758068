import type { SchoolFacts } from '../benchmark/group-keys'
import { CARNEGIE_GROUPS, CARNEGIE_LABELS, CONTROLS, DISCIPLINES, DISCIPLINE_LABELS } from '../school/school-facts'

// The breakdowns analysts' aggregate results are published by (the 2019 round's analysis used these three), kept
// apart from the statistics so pages can name them without loading the statistics libraries (decision 076).

export const BREAKDOWNS = ['discipline', 'control', 'carnegie'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

export const BREAKDOWN_LABELS: Record<Breakdown, string> = { discipline: 'Discipline', control: 'Control', carnegie: 'Carnegie group (2021)' }

const CONTROL_LABELS = { public: 'Public', private: 'Private' } as const

/** The groups of a breakdown in a fixed order, with the label people read and the fact that puts a school in one. */
export const GROUPS: Record<Breakdown, { key: string; label: string }[]> = {
  discipline: DISCIPLINES.map((key) => ({ key, label: DISCIPLINE_LABELS[key] })),
  control: CONTROLS.map((key) => ({ key, label: CONTROL_LABELS[key] })),
  carnegie: CARNEGIE_GROUPS.map((key) => ({ key, label: CARNEGIE_LABELS[key] })),
}
export const groupOf = (breakdown: Breakdown, facts: SchoolFacts): string =>
  breakdown === 'discipline' ? facts.discipline : breakdown === 'control' ? facts.control : facts.carnegieGroup

