import { checkDirectoryEntry, sameSchool, type DirectoryEntry, type DirectoryField, type DirectoryIdentity } from './directory-entry'

// The dry run of a directory import: every row checked, every duplicate (against the directory or an earlier
// row of the same file) flagged. The import writes only a plan with no problems.

export type ImportProblem = { row: number; field: DirectoryField | null; message: string; duplicate: boolean }
export type ImportPlan = { entries: { row: number; entry: DirectoryEntry }[]; problems: ImportProblem[] }

/** `rows[i]` is file line i + 2 (line 1 is the header), which is what a person sees in a spreadsheet. */
export function planImport(rows: readonly Partial<Record<DirectoryField, string>>[], existing: readonly (DirectoryIdentity & { id: string })[]): ImportPlan {
  const entries: ImportPlan['entries'] = []
  const problems: ImportProblem[] = []
  rows.forEach((raw, i) => {
    const row = i + 2
    const checked = checkDirectoryEntry(raw)
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ row, field: p.field, message: p.message, duplicate: false })
      return
    }
    const inDirectory = existing.find((o) => sameSchool(checked.entry, o))
    const inFile = entries.find((e) => sameSchool(checked.entry, e.entry))
    if (inDirectory) {
      const how = sameSchool(checked.entry, inDirectory) === 'ipeds' ? 'the same IPEDS unit id, discipline and city' : 'the same name and state'
      problems.push({ row, field: null, message: `Duplicate: ${inDirectory.name} (${inDirectory.state}) is already in the directory with ${how}.`, duplicate: true })
    } else if (inFile) {
      problems.push({ row, field: null, message: `Duplicate of row ${inFile.row} (${inFile.entry.name}) in this file.`, duplicate: true })
    }
    entries.push({ row, entry: checked.entry })
  })
  return { entries, problems }
}
