import type { Db } from '../../db/client'
import { directoryEntries, insertDirectorySchools, listDirectory, updateDirectorySchool } from '../../db/queries/directory'
import { findImportMapping, saveImportMapping } from '../../db/queries/directory-import-mappings'
import {
  checkMapping,
  guessMapping,
  headerShapeKey,
  mapRow,
  type ColumnMapping,
  type MappingProblem,
} from '../../domain/school/directory-column-mapping'
import { DIRECTORY_TEMPLATE_EXAMPLE, recognizeHeader, type CsvShape } from '../../domain/school/directory-csv-shapes'
import { DIRECTORY_FIELDS } from '../../domain/school/directory-entry'
import { planImport, rowsAccountedFor, type ImportPlan, type MatchedRow } from '../../domain/school/directory-import-plan'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan } from '../errors'
import { csvWithBom, readCsvUpload } from '../csv-files'

/** Enough for the whole IPEDS HD file (about 6,100 institutions) in one go. */
export const MAX_IMPORT_ROWS = 10_000
const SAMPLE_ROWS = 3

/** The officer says which column holds what; `problems` are why the last answer could not be used. */
export type MappingStep = {
  ok: true
  step: 'mapping'
  header: string[]
  sample: Record<string, string>[]
  rowCount: number
  mapping: ColumnMapping
  problems: MappingProblem[]
}

/** The dry run. `mapping` is what a 'mapped' file was read with; `remembered` when it came from an earlier import. */
export type PlanStep = {
  ok: true
  step: 'plan'
  shape: CsvShape
  mapping: ColumnMapping
  remembered: boolean
  /** The file's shape, under which a mapped file's mapping is remembered. */
  headerKey: string
  rowCount: number
  plan: ImportPlan
}

export type ImportPreview = { ok: false; message: string } | MappingStep | PlanStep

/** `mapping` is the officer's answer to the mapping step (null: a built-in or remembered shape); `remap` asks again. */
export type MappingChoice = { mapping: ColumnMapping | null; remap?: boolean }

async function preview(db: Db, bytes: Uint8Array, choice: MappingChoice): Promise<ImportPreview> {
  const csv = readCsvUpload(bytes)
  if (!csv.ok) return csv
  if (csv.rows.length === 0) return { ok: false, message: 'The file has a header but no schools.' }
  if (csv.rows.length > MAX_IMPORT_ROWS) return { ok: false, message: `The file has ${csv.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.` }
  const mappingStep = (mapping: ColumnMapping, problems: MappingProblem[]): MappingStep =>
    ({ ok: true, step: 'mapping', header: csv.header, sample: csv.rows.slice(0, SAMPLE_ROWS), rowCount: csv.rows.length, mapping, problems })

  const builtIn = choice.mapping === null ? recognizeHeader(csv.header) : null
  const headerKey = headerShapeKey(csv.header)
  const remembered = choice.mapping === null && builtIn === null ? await findImportMapping(db, headerKey) : undefined
  const mapping = choice.mapping ?? builtIn?.mapping ?? remembered
  if (choice.remap) return mappingStep(mapping ?? guessMapping(csv.header), [])
  if (mapping === undefined) return mappingStep(guessMapping(csv.header), [])
  const problems = checkMapping(mapping, csv.header)
  if (problems.length > 0) return mappingStep(mapping, problems)

  const shape = builtIn?.shape ?? 'mapped'
  const rows = csv.rows.map((r) => mapRow(mapping, r, shape !== 'template'))
  const plan = planImport(rows, await directoryEntries(db))
  // The last guard of "no row lost": every record read must come out of the plan as a school or a problem.
  if (rowsAccountedFor(plan) !== csv.rows.length) {
    return { ok: false, message: `Only ${rowsAccountedFor(plan)} of the file’s ${csv.rows.length} rows could be checked, so nothing can be imported.` }
  }
  return { ok: true, step: 'plan', shape, mapping, remembered: remembered !== undefined, headerKey, rowCount: csv.rows.length, plan }
}

/** The dry run: reads the file (asking for its columns when its shape is new), checks every row, writes nothing. */
export async function previewDirectoryImport(db: Db, actor: Actor, bytes: Uint8Array, choice: MappingChoice = { mapping: null }): Promise<ImportPreview> {
  assertCan(actor, 'directory.manage')
  return preview(db, bytes, choice)
}

/** Which changed rows to update: every one, or those the officer ticked (by file row); the rest are skipped. */
export type UpdateChoice = { all: boolean; rows: ReadonlySet<number> }
export type ImportCounts = { added: number; updated: number; skipped: number; unchanged: number }

/**
 * Checks the same file again and, if no row has a problem, adds the new schools and updates the chosen ones in one
 * transaction, audited with its counts; a mapped file's mapping is remembered for its shape.
 */
export async function confirmDirectoryImport(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  choice: MappingChoice,
  updates: UpdateChoice,
  ip: string | null = null,
): Promise<ImportPreview | (PlanStep & { counts: ImportCounts })> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'directory.manage')
    const checked = await preview(tx, bytes, choice)
    if (!checked.ok || checked.step !== 'plan' || checked.plan.problems.length > 0) return checked
    const { rows } = checked.plan
    const added = rows.filter((r) => r.action === 'add')
    const changed = rows.filter((r): r is MatchedRow => r.action === 'update')
    const chosen = changed.filter((r) => updates.all || updates.rows.has(r.row))
    const now = new Date()
    await insertDirectorySchools(tx, added.map((r) => r.entry))
    for (const r of chosen) await updateDirectorySchool(tx, r.schoolId, r.entry, now)
    if (checked.shape === 'mapped') await saveImportMapping(tx, checked.headerKey, checked.mapping, actor.kind === 'user' ? actor.userId : null, now)
    const counts: ImportCounts = { added: added.length, updated: chosen.length, skipped: changed.length - chosen.length, unchanged: rows.length - added.length - changed.length }
    await recordAudit(tx, actor, 'directory.imported', {
      details: { shape: checked.shape, rows: checked.rowCount, ...counts, updatedSchoolIds: chosen.map((r) => r.schoolId) },
    }, { ip })
    return { ...checked, counts }
  })
}

export const directoryTemplateCsv = () => csvWithBom(DIRECTORY_FIELDS, [DIRECTORY_FIELDS.map((f) => DIRECTORY_TEMPLATE_EXAMPLE[f])])

/**
 * The whole directory in the template's columns, led by our school id, so an export can be edited and imported
 * again as updates (the id matches each row to its school even when name or city changed).
 */
export async function exportDirectoryCsv(db: Db, actor: Actor, ip: string | null = null) {
  assertCan(actor, 'directory.manage')
  const rows = await listDirectory(db, {}, 100_000, 0)
  // Every school with its dean's name and address: each download is audited (decision 135).
  await recordAudit(db, actor, 'directory.exported', { details: { rows: rows.length } }, { ip })
  return csvWithBom(['school_id', ...DIRECTORY_FIELDS], rows.map((s) => [
    s.id, s.name, s.parentInstitution, s.city, s.state, s.discipline, s.control, s.carnegieGroup, s.ipedsUnitId, s.website, s.deanName, s.deanEmail, s.status,
  ]))
}
