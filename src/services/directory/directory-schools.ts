import type { Db } from '../../db/client'
import {
  countDirectory,
  directoryIdentities,
  findDirectorySchool,
  insertDirectorySchools,
  listDirectory,
  updateDirectorySchool,
  type DirectoryFilter,
} from '../../db/queries/directory'
import { checkDirectoryEntry, sameSchool, type DirectoryEntry, type DirectoryField } from '../../domain/school/directory-entry'
import { pageSlice } from '../../domain/paging/page-slice'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan, notFound } from '../errors'

export type { DirectoryFilter }

/** One page of the directory matching the filter (decision 163); a page past the end shows the last one. */
export async function browseDirectory(db: Db, actor: Actor, filter: DirectoryFilter, page: number) {
  assertCan(actor, 'directory.manage')
  const slice = pageSlice(page, await countDirectory(db, filter))
  return { rows: await listDirectory(db, filter, slice.limit, slice.offset), slice }
}

export async function directorySchool(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'directory.manage')
  return (await findDirectorySchool(db, id)) ?? notFound('school')
}

export type EntryOutcome = { ok: true; id: string } | { ok: false; errors: Partial<Record<DirectoryField, string[]>> }

function problemsAsErrors(problems: { field: DirectoryField; message: string }[]) {
  const errors: Partial<Record<DirectoryField, string[]>> = {}
  for (const p of problems) errors[p.field] = [...(errors[p.field] ?? []), p.message]
  return errors
}

async function duplicateOf(db: Db, entry: DirectoryEntry, exceptId: string | null) {
  const others = (await directoryIdentities(db)).filter((o) => o.id !== exceptId)
  for (const o of others) {
    const match = sameSchool(entry, o)
    if (match === 'ipeds') return { field: 'ipeds_unit_id' as const, message: `${o.name} already has this IPEDS unit id for this discipline.` }
    if (match === 'name-state') return { field: 'name' as const, message: `${o.name} (${o.state}) is already in the directory.` }
  }
  return null
}

/** Creates (id null) or edits one school; a duplicate is refused on the field that makes it one. */
export async function saveSchool(db: Db, actor: Actor, id: string | null, raw: Partial<Record<DirectoryField, string>>, ip: string | null = null): Promise<EntryOutcome> {
  return db.transaction(async (tx) => {
    assertCan(actor, 'directory.manage')
    const checked = checkDirectoryEntry(raw)
    if (!checked.ok) return { ok: false, errors: problemsAsErrors(checked.problems) }
    const duplicate = await duplicateOf(tx, checked.entry, id)
    if (duplicate) return { ok: false, errors: problemsAsErrors([duplicate]) }
    if (id === null) {
      const [row] = await insertDirectorySchools(tx, [checked.entry])
      await recordAudit(tx, actor, 'school.created', { schoolId: row!.id, subject: checked.entry.name }, { ip })
      return { ok: true, id: row!.id }
    }
    if (!(await updateDirectorySchool(tx, id, checked.entry, new Date()))) notFound('school')
    await recordAudit(tx, actor, 'school.updated', { schoolId: id, subject: checked.entry.name }, { ip })
    return { ok: true, id }
  })
}
