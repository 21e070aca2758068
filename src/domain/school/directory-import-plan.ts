import type { ImportRow } from './directory-column-mapping'
import {
  checkDirectoryEntry,
  DIRECTORY_FIELDS,
  identityKeys,
  type DirectoryEntry,
  type DirectoryField,
  type DirectoryIdentity,
} from './directory-entry'

// The dry run of a directory import: every row checked and sorted into new, changed (old → new per field) or
// unchanged, matched to the directory by our school id when the file has one we know, else as `sameSchool`
// matches. A row the file repeats, or one that would turn a school into another's duplicate, is a problem. The import writes
// only a plan with no problems.

export type ExistingSchool = DirectoryEntry & { id: string }
export type FieldChange = { field: DirectoryField; from: string; to: string }
export type MatchedBy = 'id' | 'ipeds' | 'name-state'

export type MatchedRow = { row: number; action: 'update' | 'unchanged'; entry: DirectoryEntry; schoolId: string; matchedBy: MatchedBy; changes: FieldChange[] }
export type PlannedRow = { row: number; action: 'add'; entry: DirectoryEntry } | MatchedRow

export type ImportProblem = { row: number; field: DirectoryField | null; message: string; duplicate: boolean }
export type ImportPlan = { rows: PlannedRow[]; problems: ImportProblem[] }

/** A school as the strings a file would give, so a file's row can be laid over it field by field. */
export function entryAsFields(e: DirectoryEntry): Record<DirectoryField, string> {
  return {
    name: e.name,
    parent_institution: e.parentInstitution ?? '',
    city: e.city,
    state: e.state,
    discipline: e.discipline,
    control: e.control,
    carnegie_group: e.carnegieGroup,
    ipeds_unit_id: e.ipedsUnitId === null ? '' : String(e.ipedsUnitId),
    website: e.website ?? '',
    dean_name: e.deanName ?? '',
    dean_email: e.deanEmail ?? '',
    status: e.status,
  }
}

function changesBetween(before: DirectoryEntry, after: DirectoryEntry): FieldChange[] {
  const from = entryAsFields(before)
  const to = entryAsFields(after)
  return DIRECTORY_FIELDS.filter((f) => from[f] !== to[f]).map((field) => ({ field, from: from[field], to: to[field] }))
}

const withoutSchoolId = ({ school_id: _, ...fields }: ImportRow) => fields

/** `rows[i]` is file row i + 2 (row 1 is the header), which is what a person sees in a spreadsheet. */
export function planImport(rows: readonly ImportRow[], existing: readonly ExistingSchool[]): ImportPlan {
  const planned: PlannedRow[] = []
  const problems: ImportProblem[] = []
  const byId = new Map(existing.map((s) => [s.id, s]))
  const inDirectoryBy = new IdentityIndex(existing)
  const inFileBy = new IdentityIndex<{ row: number; entry: DirectoryEntry }>([], (e) => e.entry)
  const claimedBy = new Map<string, number>() // school id → the first row that matched it

  rows.forEach((raw, i) => {
    const row = i + 2
    const problem = (field: ImportProblem['field'], message: string, duplicate = false) => problems.push({ row, field, message, duplicate })
    const asNew = checkDirectoryEntry(withoutSchoolId(raw))
    if (!asNew.ok) {
      for (const p of asNew.problems) problem(p.field, p.message)
      return
    }
    // An id this directory does not know (an export from another installation) falls back to the identity match.
    const byOwnId = byId.get(raw.school_id?.trim() ?? '')
    const found = byOwnId ? { match: byOwnId, by: 'id' as const } : inDirectoryBy.find(asNew.entry)

    if (found === undefined) {
      const inFile = inFileBy.find(asNew.entry)
      if (inFile) return problem(null, `Duplicate of row ${inFile.match.row} (${inFile.match.entry.name}) in this file.`, true)
      planned.push({ row, action: 'add', entry: asNew.entry })
      inFileBy.add({ row, entry: asNew.entry })
      return
    }

    const school = found.match
    const earlier = claimedBy.get(school.id)
    if (earlier !== undefined) return problem(null, `Duplicate of row ${earlier} in this file: both are ${school.name} (${school.state}).`, true)
    const merged = checkDirectoryEntry({ ...entryAsFields(school), ...withoutSchoolId(raw) })
    if (!merged.ok) {
      for (const p of merged.problems) problem(p.field, p.message)
      return
    }
    const other = inDirectoryBy.find(merged.entry)
    if (other && other.match.id !== school.id) {
      return problem(null, `Updating ${school.name} this way would make it a duplicate of ${other.match.name} (${other.match.state}).`, true)
    }
    claimedBy.set(school.id, row)
    inFileBy.add({ row, entry: merged.entry })
    const changes = changesBetween(school, merged.entry)
    planned.push({ row, action: changes.length > 0 ? 'update' : 'unchanged', entry: merged.entry, schoolId: school.id, matchedBy: found.by, changes })
  })
  return { rows: planned, problems }
}

/** How many file rows a plan accounts for: each row is planned once or has problems, never both, never neither. */
export const rowsAccountedFor = (plan: ImportPlan) => plan.rows.length + new Set(plan.problems.map((p) => p.row)).size

/** The first school added under each identity key; an IPEDS match wins over a name-and-state match, as in sameSchool. */
class IdentityIndex<T> {
  private byIpeds = new Map<string, T>()
  private byNameState = new Map<string, T>()
  constructor(items: readonly T[], private identityOf: (item: T) => DirectoryIdentity = (item) => item as DirectoryIdentity) {
    for (const item of items) this.add(item)
  }
  add(item: T) {
    const keys = identityKeys(this.identityOf(item))
    if (keys.ipeds !== null && !this.byIpeds.has(keys.ipeds)) this.byIpeds.set(keys.ipeds, item)
    if (!this.byNameState.has(keys.nameState)) this.byNameState.set(keys.nameState, item)
  }
  find(identity: DirectoryIdentity): { match: T; by: 'ipeds' | 'name-state' } | undefined {
    const keys = identityKeys(identity)
    const byIpeds = keys.ipeds === null ? undefined : this.byIpeds.get(keys.ipeds)
    if (byIpeds !== undefined) return { match: byIpeds, by: 'ipeds' }
    const byName = this.byNameState.get(keys.nameState)
    return byName === undefined ? undefined : { match: byName, by: 'name-state' }
  }
}
