/**
 * The zip's entry names: the school's name as a program officer would type it, then ".pdf", so the folder sorts by
 * school and opens on any system. Characters a file system refuses become "-"; two schools of the same name get
 * "(2)", "(3)" in the order given (by name, then response), so a retried run names every file the same.
 */
export function reportPdfFileNames(schoolNames: readonly string[]): string[] {
  const taken = new Map<string, number>()
  return schoolNames.map((name) => {
    const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150) || 'School'
    const seen = (taken.get(base.toLowerCase()) ?? 0) + 1
    taken.set(base.toLowerCase(), seen)
    return seen === 1 ? `${base}.pdf` : `${base} (${seen}).pdf`
  })
}
