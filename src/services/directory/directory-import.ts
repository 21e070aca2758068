import type { Db } from '../../db/client'
import { directoryIdentities, insertDirectorySchools, listDirectory } from '../../db/queries/directory'
import { DIRECTORY_TEMPLATE_EXAMPLE, recognizeHeader, rowAsDirectoryFields } from '../../domain/school/directory-csv-shapes'
import { DIRECTORY_FIELDS } from '../../domain/school/directory-entry'
import { planImport, type ImportPlan } from '../../domain/school/directory-import-plan'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan } from '../errors'
import { csvWithBom, readCsvUpload } from '../csv-files'

export const MAX_IMPORT_ROWS = 5_000

export type ImportPreview =
  | { ok: false; message: string }
  | { ok: true; shape: 'template' | 'roster'; rowCount: number; plan: ImportPlan }

async function preview(db: Db, bytes: Uint8Array): Promise<ImportPreview> {
  const csv = readCsvUpload(bytes)
  if (!csv.ok) return csv
  const header = recognizeHeader(csv.header)
  if ('missing' in header) return { ok: false, message: `The file is missing required columns: ${header.missing.join(', ')}. Download the template to see them.` }
  if (csv.rows.length === 0) return { ok: false, message: 'The file has a header but no schools.' }
  if (csv.rows.length > MAX_IMPORT_ROWS) return { ok: false, message: `The file has ${csv.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.` }
  const plan = planImport(csv.rows.map((r) => rowAsDirectoryFields(header.shape, r)), await directoryIdentities(db))
  return { ok: true, shape: header.shape, rowCount: csv.rows.length, plan }
}

/** The dry run: checks every row and finds duplicates, writing nothing. */
export async function previewDirectoryImport(db: Db, actor: Actor, bytes: Uint8Array): Promise<ImportPreview> {
  assertCan(actor, 'directory.manage')
  return preview(db, bytes)
}

/** Checks the same file again and writes all of it in one transaction, or nothing if any row has a problem. */
export async function confirmDirectoryImport(db: Db, actor: Actor, bytes: Uint8Array, ip: string | null = null): Promise<ImportPreview & { written?: number }> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'directory.manage')
    const checked = await preview(tx, bytes)
    if (!checked.ok || checked.plan.problems.length > 0) return checked
    await insertDirectorySchools(tx, checked.plan.entries.map((e) => e.entry))
    await recordAudit(tx, actor, 'directory.imported', { details: { rows: checked.plan.entries.length, shape: checked.shape } }, { ip })
    return { ...checked, written: checked.plan.entries.length }
  })
}

export const directoryTemplateCsv = () => csvWithBom(DIRECTORY_FIELDS, [DIRECTORY_FIELDS.map((f) => DIRECTORY_TEMPLATE_EXAMPLE[f])])

/** The whole directory in the template's columns, so an export can be edited and imported elsewhere. */
export async function exportDirectoryCsv(db: Db, actor: Actor) {
  assertCan(actor, 'directory.manage')
  const rows = await listDirectory(db, {}, 100_000, 0)
  return csvWithBom(DIRECTORY_FIELDS, rows.map((s) => [
    s.name, s.parentInstitution, s.city, s.state, s.discipline, s.control, s.carnegieGroup, s.ipedsUnitId, s.website, s.deanName, s.deanEmail, s.status,
  ]))
}
