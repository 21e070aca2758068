import type { CarnegieGroup, Control, Discipline } from '../school/school-facts'

// Who compares with whom: a school's facts, the three kinds of comparison group and the key naming each group.

export type GroupKind = 'all' | 'discipline' | 'similar'
export type SchoolFacts = { discipline: Discipline; control: Control; carnegieGroup: CarnegieGroup }
/** One scored response as the norms know it: its school's facts and its scores by metric (area, domain or "overall"). */
export type NormsMember = { responseId: string; facts: SchoolFacts; scores: Readonly<Record<string, number | null>> }

export const OVERALL = 'overall'

export const inGroup = (kind: GroupKind, me: SchoolFacts, other: SchoolFacts): boolean =>
  kind === 'all' ||
  (other.discipline === me.discipline && (kind === 'discipline' || (other.control === me.control && other.carnegieGroup === me.carnegieGroup)))

/** A stable key naming the group a school of these facts belongs to. */
export const groupKey = (kind: GroupKind, facts: SchoolFacts): string =>
  kind === 'all' ? 'all' : kind === 'discipline' ? `discipline:${facts.discipline}` : `similar:${facts.discipline}/${facts.control}/${facts.carnegieGroup}`
