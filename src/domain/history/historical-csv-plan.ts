import type { Answer } from '../instrument/instrument-answers'
import { appliesTo } from '../instrument/instrument-applicability'
import { findItem, itemsOf, type Instrument } from '../instrument/instrument-model'
import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../school/school-facts'
import { decodeAnswerCell } from './historical-codes'

// The dry run of a historical round's CSV (decision 095): one row per school, matched in the directory by the
// project's school id or its IPEDS unit id, with either item answers (one column per item id) or area scores (one
// column per area id, 0–100). Every problem is named by row and column; the import writes only a plan without any.

export const SCHOOL_ID_COLUMN = 'school_id'
export const IPEDS_COLUMN = 'ipeds_unit_id'
/** Tells apart the schools of one university that share an IPEDS unit id (e.g. its medical and dental schools). */
export const DISCIPLINE_COLUMN = 'discipline'
/** For people reading the file; ignored on import. */
export const NAME_COLUMN = 'school_name'
export const IDENTITY_COLUMNS = [SCHOOL_ID_COLUMN, IPEDS_COLUMN, DISCIPLINE_COLUMN, NAME_COLUMN] as const

export type DirectorySchool = { id: string; name: string; ipedsUnitId: number | null; discipline: Discipline }
export type HistoricalRow =
  | { row: number; school: DirectorySchool; kind: 'answers'; answers: { itemId: string; value: Answer }[] }
  | { row: number; school: DirectorySchool; kind: 'area-scores'; areas: Record<string, number> }
export type RowProblem = { row: number; field: string | null; message: string }
export type HistoricalPlan = { ok: true; rows: HistoricalRow[]; problems: RowProblem[] } | { ok: false; message: string }

/** The columns a file for this instrument may have: identity, then one per item, then one per area. */
export function historicalColumns(instrument: Instrument) {
  const items = itemsOf(instrument).map((e) => e.item.id)
  const areas = instrument.domains.flatMap((d) => d.areas.map((a) => a.id))
  return { items, areas }
}

/** `rows[i]` is record i + 2 of the file (record 1 is the header), as a spreadsheet numbers it. */
export function planHistoricalImport(instrument: Instrument, header: readonly string[], rows: readonly Record<string, string>[], directory: readonly DirectorySchool[]): HistoricalPlan {
  const { items, areas } = historicalColumns(instrument)
  const itemColumns = header.filter((h) => items.includes(h))
  const areaColumns = header.filter((h) => areas.includes(h))
  const unknown = header.filter((h) => h !== '' && !(IDENTITY_COLUMNS as readonly string[]).includes(h) && !itemColumns.includes(h) && !areaColumns.includes(h))
  if (unknown.length > 0) {
    return { ok: false, message: `These columns are not item ids or area ids of ${instrument.id}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Download the template for ${instrument.id} to see the right headers.` }
  }
  if (!header.includes(SCHOOL_ID_COLUMN) && !header.includes(IPEDS_COLUMN)) {
    return { ok: false, message: `The file needs a ${SCHOOL_ID_COLUMN} or an ${IPEDS_COLUMN} column to find each school in the directory.` }
  }
  if (itemColumns.length === 0 && areaColumns.length === 0) {
    return { ok: false, message: `The file has no item or area columns of ${instrument.id}, so there is nothing to import.` }
  }
  if (rows.length === 0) return { ok: false, message: 'The file has a header but no schools.' }

  const match = schoolMatcher(directory)
  const planned: HistoricalRow[] = []
  const problems: RowProblem[] = []
  const seen = new Map<string, number>()
  rows.forEach((cells, i) => {
    const row = i + 2
    const problem = (field: string | null, message: string) => problems.push({ row, field, message })
    const found = match(cells)
    if (!found.ok) return problem(found.field, found.message)
    const school = found.school
    const earlier = seen.get(school.id)
    if (earlier !== undefined) return problem(null, `Duplicate: row ${earlier} is already ${school.name}; give each school one row.`)
    seen.set(school.id, row)

    const filled = (columns: string[]) => columns.filter((c) => (cells[c] ?? '').trim() !== '')
    const answered = filled(itemColumns)
    const scored = filled(areaColumns)
    if (answered.length > 0 && scored.length > 0) return problem(null, 'Give either item answers or area scores for a school, not both.')
    if (answered.length === 0 && scored.length === 0) return problem(null, `No answers and no area scores for ${school.name}.`)

    const before = problems.length
    if (answered.length > 0) {
      const answers: { itemId: string; value: Answer }[] = []
      for (const itemId of answered) {
        const { item } = findItem(instrument, itemId)!
        if (!appliesTo(item, school.discipline)) {
          problem(itemId, `This question is not asked of ${DISCIPLINE_LABELS[school.discipline]} schools; leave it blank.`)
          continue
        }
        const decoded = decodeAnswerCell(item, cells[itemId]!)
        if (decoded.ok) answers.push({ itemId, value: decoded.answer })
        else problem(itemId, decoded.message)
      }
      if (problems.length === before) planned.push({ row, school, kind: 'answers', answers })
    } else {
      const scores: Record<string, number> = {}
      for (const areaId of scored) {
        const cell = cells[areaId]!.trim()
        const value = /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : NaN
        if (!(value >= 0 && value <= 100)) problem(areaId, `An area score is a number from 0 to 100, not “${cell}”.`)
        else scores[areaId] = value
      }
      if (problems.length === before) planned.push({ row, school, kind: 'area-scores', areas: scores })
    }
  })
  return { ok: true, rows: planned, problems }
}

type Match = { ok: true; school: DirectorySchool } | { ok: false; field: string; message: string }

/** Finds a row's school by `school_id`, or by `ipeds_unit_id` narrowed by `discipline` where a university has several. */
function schoolMatcher(directory: readonly DirectorySchool[]) {
  const byId = new Map(directory.map((s) => [s.id, s]))
  const byIpeds = new Map<number, DirectorySchool[]>()
  for (const s of directory) if (s.ipedsUnitId !== null) byIpeds.set(s.ipedsUnitId, [...(byIpeds.get(s.ipedsUnitId) ?? []), s])

  return (cells: Record<string, string>): Match => {
    const id = (cells[SCHOOL_ID_COLUMN] ?? '').trim()
    const ipeds = (cells[IPEDS_COLUMN] ?? '').trim()
    const discipline = (cells[DISCIPLINE_COLUMN] ?? '').trim().toLowerCase()
    if (discipline !== '' && !(DISCIPLINES as readonly string[]).includes(discipline)) {
      return { ok: false, field: DISCIPLINE_COLUMN, message: `Unknown discipline “${discipline}”: use ${DISCIPLINES.join(', ')}.` }
    }
    if (id !== '') {
      const school = byId.get(id.toLowerCase())
      if (!school) return { ok: false, field: SCHOOL_ID_COLUMN, message: `No school in the directory has the id “${id}”.` }
      if (ipeds !== '' && String(school.ipedsUnitId) !== ipeds) return { ok: false, field: IPEDS_COLUMN, message: `${school.name} has IPEDS unit id ${school.ipedsUnitId ?? '(none)'}, not ${ipeds}; correct or clear one of the two.` }
      return { ok: true, school }
    }
    if (ipeds === '') return { ok: false, field: SCHOOL_ID_COLUMN, message: `Give the school’s ${SCHOOL_ID_COLUMN} or its ${IPEDS_COLUMN}.` }
    if (!/^\d{6}$/.test(ipeds)) return { ok: false, field: IPEDS_COLUMN, message: `An IPEDS unit id is six digits, not “${ipeds}”.` }
    const candidates = (byIpeds.get(Number(ipeds)) ?? []).filter((s) => discipline === '' || s.discipline === discipline)
    if (candidates.length === 0) {
      return { ok: false, field: IPEDS_COLUMN, message: `No ${discipline === '' ? '' : `${DISCIPLINE_LABELS[discipline as Discipline]} `}school in the directory has IPEDS unit id ${ipeds}. Add it to the directory first.` }
    }
    if (candidates.length > 1) {
      const which = candidates.map((s) => `${s.name} (${s.discipline})`).join(', ')
      return { ok: false, field: DISCIPLINE_COLUMN, message: `IPEDS unit id ${ipeds} belongs to several schools: ${which}. Fill in the ${DISCIPLINE_COLUMN} column or use ${SCHOOL_ID_COLUMN}.` }
    }
    return { ok: true, school: candidates[0]! }
  }
}

/** The header of a template: the identity columns, then every item id (answers) or every area id (area scores). */
export function historicalTemplateHeader(instrument: Instrument, kind: 'answers' | 'area-scores'): string[] {
  const { items, areas } = historicalColumns(instrument)
  return [...IDENTITY_COLUMNS, ...(kind === 'answers' ? items : areas)]
}
