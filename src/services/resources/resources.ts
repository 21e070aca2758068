import type { Db } from '../../db/client'
import {
  deleteResource,
  findResourceById,
  findResourceBySlug,
  findResourceFile,
  insertResource,
  listResources,
  resourcesWithAreas,
  slugsLike,
  updateResource,
} from '../../db/queries/resources'
import type { Actor } from '../../domain/policy/roles'
import { checkResourceFile, slugFromTitle, type ResourceKind } from '../../domain/resources/resource-rules'
import { recordAudit, type AuditContext } from '../audit'
import { assertCan, notFound } from '../errors'
import { currentAreaChoices } from '../public/instrument-outline'

export type ResourceInput = { title: string; summary: string; body: string; kind: ResourceKind; areaId: string | null }
export type UploadedFile = { name: string; size: number; bytes: () => Promise<ArrayBuffer> }
export type ResourceSaveOutcome = { ok: true; slug: string } | { ok: false; errors: Record<string, string[]> }

/** Toolkit resources for the public list (no file bytes). */
export function publicToolkits(db: Db) {
  return listResources(db, 'toolkit')
}

/** One resource by its address, for its public page; per-area resources have pages too, so reports can link them. */
export async function publicResource(db: Db, slug: string) {
  return (await findResourceBySlug(db, slug)) ?? notFound('resource')
}

export async function resourceDownload(db: Db, slug: string) {
  const file = await findResourceFile(db, slug)
  if (!file?.fileData || !file.fileName || !file.fileType) notFound('file')
  return { fileName: file!.fileName!, fileType: file!.fileType!, data: file!.fileData! }
}

/** The resources reports link beside a school's weaker areas, grouped by area id. */
export async function resourcesForAreas(db: Db, areaIds: string[]) {
  const rows = await resourcesWithAreas(db, [...new Set(areaIds)])
  const byArea = new Map<string, typeof rows>()
  for (const row of rows) byArea.set(row.areaId!, [...(byArea.get(row.areaId!) ?? []), row])
  return byArea
}

export async function resourcesForAdmin(db: Db, actor: Actor) {
  assertCan(actor, 'resources.manage')
  return listResources(db)
}

export async function resourceForEditing(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'resources.manage')
  return (await findResourceById(db, id)) ?? notFound('resource')
}

/**
 * Creates (no id) or updates a resource. A per-area resource must name an area of the current instrument; the
 * file, if one is chosen, must pass the type and size checks. Otherwise the caller gets messages per field.
 */
export async function saveResource(
  db: Db,
  actor: Actor,
  id: string | null,
  input: ResourceInput,
  file: UploadedFile | null,
  context: AuditContext,
  now = new Date(),
): Promise<ResourceSaveOutcome> {
  assertCan(actor, 'resources.manage')
  const errors: Record<string, string[]> = {}
  const areaIds = new Set((await currentAreaChoices(db)).map((a) => a.id))
  if (input.kind === 'area-resource' && (!input.areaId || !areaIds.has(input.areaId))) errors.areaId = ['Choose the area this resource helps with.']
  const checked = file ? checkResourceFile(file) : null
  if (checked && !checked.ok) errors.file = [checked.message]
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  // Read the upload before the transaction opens: PGlite runs one transaction at a time.
  const fileData = file && checked?.ok ? Buffer.from(await file.bytes()) : null
  const values = {
    ...input,
    areaId: input.kind === 'area-resource' ? input.areaId : null,
    updatedAt: now,
    ...(fileData && checked?.ok ? { fileName: checked.fileName, fileType: checked.mimeType, fileSize: fileData.length, fileData } : {}),
  }
  return db.transaction(async (tx) => {
    assertCan(actor, 'resources.manage')
    if (id) {
      const existing = (await findResourceById(tx, id)) ?? notFound('resource')
      await updateResource(tx, id, values)
      await recordAudit(tx, actor, 'resource.updated', { subject: existing.slug, details: { title: input.title, file: fileData ? values.fileName : undefined } }, context)
      return { ok: true, slug: existing.slug }
    }
    const base = slugFromTitle(input.title)
    const taken = new Set(await slugsLike(tx, base))
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    await insertResource(tx, { ...values, slug })
    await recordAudit(tx, actor, 'resource.created', { subject: slug, details: { title: input.title, kind: input.kind } }, context)
    return { ok: true, slug }
  })
}

export function removeResourceFile(db: Db, actor: Actor, id: string, context: AuditContext, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'resources.manage')
    const existing = (await findResourceById(tx, id)) ?? notFound('resource')
    await updateResource(tx, id, { fileName: null, fileType: null, fileSize: null, fileData: null, updatedAt: now })
    await recordAudit(tx, actor, 'resource.file-removed', { subject: existing.slug }, context)
  })
}

export function deleteResourceById(db: Db, actor: Actor, id: string, context: AuditContext) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'resources.manage')
    const existing = (await findResourceById(tx, id)) ?? notFound('resource')
    await deleteResource(tx, id)
    await recordAudit(tx, actor, 'resource.deleted', { subject: existing.slug, details: { title: existing.title } }, context)
  })
}
