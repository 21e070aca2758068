import { DISCIPLINES } from '../school/school-facts'
import type { CredentialFacts } from './open-badge-credential'
import { isStatusIndex, STATUS_LIST_LENGTH } from './status-list-rules'

/**
 * What must hold before a badge is signed: a signature would make a wrong fact permanent, so the toolkit refuses
 * instead of issuing a badge that expires before it starts or shares another badge's status bit range.
 * Returns the problems in plain words; empty when the facts are fine.
 */
export function badgeFactsProblems(facts: CredentialFacts): string[] {
  const problems: string[] = []
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(facts.publicId)) problems.push('The public id must be 1–100 letters, digits, "-" or "_".')
  if (!facts.schoolName.trim()) problems.push('The school name is empty.')
  if (!facts.cycleTitle.trim()) problems.push('The cycle title is empty.')
  if (!(DISCIPLINES as readonly string[]).includes(facts.discipline)) problems.push(`Unknown discipline "${facts.discipline}".`)
  if (!Number.isInteger(facts.cycleYear) || facts.cycleYear < 2000 || facts.cycleYear > 2200) problems.push(`The cycle year ${facts.cycleYear} is not a year.`)
  for (const [name, date] of [['valid from', facts.validFrom], ['valid until', facts.validUntil], ['issued at', facts.issuedAt]] as const) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) problems.push(`The "${name}" date is not a date.`)
  }
  if (facts.validUntil.getTime() <= facts.validFrom.getTime()) problems.push('The badge would expire before it starts: "valid until" must come after "valid from".')
  if (!isStatusIndex(facts.statusIndex)) problems.push(`The status index ${facts.statusIndex} is outside the status list (0 to ${STATUS_LIST_LENGTH - 1}).`)
  return problems
}
