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

/** IPEDS CONTROL codes (HD file before labelling): 1 public, 2 private not-for-profit, 3 private for-profit. */
export function controlFromIpedsCode(code: string): Control | null {
  const c = code.trim()
  return c === '1' ? 'public' : c === '2' || c === '3' ? 'private' : null
}

/**
 * Carnegie 2021 basic codes (C21BASIC) rolled up as the shared data's carnegie2021_group is: 1–14 associate's
 * (two-year special focus included), 15 R1, 16 R2, 17 D/PU, 18–23 master's and baccalaureate, 24–32 four-year
 * special focus; tribal colleges (33), -2 and anything else are "other".
 */
export function carnegieGroupFromBasicCode(code: string): CarnegieGroup {
  const n = /^-?\d+$/.test(code.trim()) ? Number(code) : NaN
  if (n >= 1 && n <= 14) return 'associate'
  if (n === 15) return 'r1'
  if (n === 16) return 'r2'
  if (n === 17) return 'r3'
  if (n >= 18 && n <= 23) return 'masters-baccalaureate'
  if (n >= 24 && n <= 32) return 'special-focus'
  return 'other'
}

/** The degree names a nursing, PA or dental list (AACN's, say) uses for a program, in our vocabulary. */
const DISCIPLINE_BY_PROGRAM: Record<string, Discipline> = {
  ...DISCIPLINE_BY_LABEL,
  dds: 'dental',
  dmd: 'dental',
  pa: 'pa',
  'pa-c': 'pa',
  adn: 'nursing-adn',
  asn: 'nursing-adn',
  bsn: 'nursing-bsn-msn',
  msn: 'nursing-bsn-msn',
  dnp: 'nursing-bsn-msn',
  'bsn/msn': 'nursing-bsn-msn',
}
export const disciplineFromProgram = (label: string): Discipline | null => DISCIPLINE_BY_PROGRAM[label.trim().toLowerCase()] ?? null

/** IPEDS marks a live institution "yes" (or code 1) in its active column. */
export function statusFromIpedsActive(value: string): 'active' | 'inactive' | null {
  const v = value.trim().toLowerCase()
  if (v === 'yes' || v === '1') return 'active'
  if (v === 'no' || v === '0' || v === '2') return 'inactive'
  return null
}

/** A nursing school offering only associate degrees runs ADN programs; any higher degree counts as BSN/MSN. */
export function nursingDisciplineFromHighestOffering(label: string): Discipline {
  return /associate|less than 4/i.test(label) ? 'nursing-adn' : 'nursing-bsn-msn'
}
