import { checkDirectoryEntry, identityKeys, type DirectoryEntry, type DirectoryField, type DirectoryIdentity } from './directory-entry'

// The dry run of a directory import: every row checked, every duplicate (against the directory or an earlier
// row of the same file) flagged. The import writes only a plan with no problems.

export type ImportProblem = { row: number; field: DirectoryField | null; message: string; duplicate: boolean }
export type ImportPlan = { entries: { row: number; entry: DirectoryEntry }[]; problems: ImportProblem[] }

/** `rows[i]` is file line i + 2 (line 1 is the header), which is what a person sees in a spreadsheet. */
export function planImport(rows: readonly Partial<Record<DirectoryField, string>>[], existing: readonly (DirectoryIdentity & { id: string })[]): ImportPlan {
  const entries: ImportPlan['entries'] = []
  const problems: ImportProblem[] = []
  const inDirectoryBy = new IdentityIndex(existing)
  const inFileBy = new IdentityIndex<{ row: number; entry: DirectoryEntry }>([], (e) => e.entry)
  rows.forEach((raw, i) => {
    const row = i + 2
    const checked = checkDirectoryEntry(raw)
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ row, field: p.field, message: p.message, duplicate: false })
      return
    }
    const inDirectory = inDirectoryBy.find(checked.entry)
    const inFile = inFileBy.find(checked.entry)
    if (inDirectory) {
      const how = inDirectory.by === 'ipeds' ? 'the same IPEDS unit id, discipline and city' : 'the same name and state'
      const { match } = inDirectory
      problems.push({ row, field: null, message: `Duplicate: ${match.name} (${match.state}) is already in the directory with ${how}.`, duplicate: true })
    } else if (inFile) {
      problems.push({ row, field: null, message: `Duplicate of row ${inFile.match.row} (${inFile.match.entry.name}) in this file.`, duplicate: true })
    }
    entries.push({ row, entry: checked.entry })
    inFileBy.add({ row, entry: checked.entry })
  })
  return { entries, problems }
}

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
