import type { CarnegieGroup, Control, Discipline } from './school-facts'

// IPEDS publishes labels, not our vocabulary; these turn the directory's labels into the groups we compare by.

export function controlFromIpeds(label: string): Control | null {
  const l = label.trim().toLowerCase()
  if (l.startsWith('public')) return 'public'
  if (l.startsWith('private')) return 'private'
  return null
}

const CARNEGIE_BY_LABEL: Record<string, CarnegieGroup> = {
  r1: 'r1',
  r2: 'r2',
  'd/pu': 'r3',
  'special focus 4-year': 'special-focus',
  'special focus 2-year': 'special-focus',
  "master's": 'masters-baccalaureate',
  baccalaureate: 'masters-baccalaureate',
  "associate's/2-year": 'associate',
  tribal: 'other',
}

/** Our roll-up of the Carnegie 2021 group; an empty or unknown label is "other", never a guess. */
export function carnegieGroupFromIpeds(label: string): CarnegieGroup {
  return CARNEGIE_BY_LABEL[label.trim().toLowerCase()] ?? 'other'
}

const DISCIPLINE_BY_LABEL: Record<string, Discipline> = { md: 'md', do: 'do', dental: 'dental' }
export const disciplineFromRoster = (label: string): Discipline | null => DISCIPLINE_BY_LABEL[label.trim().toLowerCase()] ?? null

/** A nursing school offering only associate degrees runs ADN programs; any higher degree counts as BSN/MSN. */
export function nursingDisciplineFromHighestOffering(label: string): Discipline {
  return /associate|less than 4/i.test(label) ? 'nursing-adn' : 'nursing-bsn-msn'
}
