import { and, asc, eq, inArray, like, ne } from 'drizzle-orm'
import type { ResourceKind } from '../../domain/resources/resource-rules'
import type { Db } from '../client'
import { resources } from '../schema/resources'

export type ResourceInsert = typeof resources.$inferInsert

/** Everything but the file's bytes, which only a download reads. */
const summaryColumns = {
  id: resources.id,
  slug: resources.slug,
  kind: resources.kind,
  areaId: resources.areaId,
  title: resources.title,
  summary: resources.summary,
  body: resources.body,
  fileName: resources.fileName,
  fileType: resources.fileType,
  fileSize: resources.fileSize,
  updatedAt: resources.updatedAt,
}

export function listResources(db: Db, kind?: ResourceKind) {
  return db.select(summaryColumns).from(resources).where(kind ? eq(resources.kind, kind) : undefined).orderBy(asc(resources.title))
}

export function resourcesWithAreas(db: Db, areaIds: string[]) {
  if (areaIds.length === 0) return Promise.resolve([])
  return db
    .select(summaryColumns)
    .from(resources)
    .where(and(eq(resources.kind, 'area-resource'), inArray(resources.areaId, areaIds)))
    .orderBy(asc(resources.areaId), asc(resources.title))
}

export async function findResourceBySlug(db: Db, slug: string) {
  const [row] = await db.select(summaryColumns).from(resources).where(eq(resources.slug, slug))
  return row
}

export async function findResourceById(db: Db, id: string) {
  const [row] = await db.select(summaryColumns).from(resources).where(eq(resources.id, id))
  return row
}

export async function findResourceFile(db: Db, slug: string) {
  const [row] = await db
    .select({ fileName: resources.fileName, fileType: resources.fileType, fileData: resources.fileData })
    .from(resources)
    .where(eq(resources.slug, slug))
  return row
}

/** Slugs already taken that start like this one, so a new resource can pick a free address. */
export async function slugsLike(db: Db, base: string, exceptId?: string) {
  const rows = await db
    .select({ slug: resources.slug })
    .from(resources)
    .where(and(like(resources.slug, `${base}%`), exceptId ? ne(resources.id, exceptId) : undefined))
  return rows.map((r) => r.slug)
}

export async function insertResource(db: Db, values: ResourceInsert) {
  const [row] = await db.insert(resources).values(values).returning({ id: resources.id, slug: resources.slug })
  return row!
}

export async function updateResource(db: Db, id: string, values: Partial<ResourceInsert>) {
  await db.update(resources).set(values).where(eq(resources.id, id))
}

export async function deleteResource(db: Db, id: string) {
  const rows = await db.delete(resources).where(eq(resources.id, id)).returning({ id: resources.id })
  return rows.length === 1
}
