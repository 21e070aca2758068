import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { directoryImportMappings } from '../schema/directory-import-mappings'
import type { ColumnMapping } from '../../domain/school/directory-column-mapping'

export async function findImportMapping(db: Db, headerKey: string): Promise<ColumnMapping | undefined> {
  const [row] = await db.select({ mapping: directoryImportMappings.mapping }).from(directoryImportMappings).where(eq(directoryImportMappings.headerKey, headerKey))
  return row?.mapping
}

/** One mapping per file shape: the last one confirmed wins. */
export async function saveImportMapping(db: Db, headerKey: string, mapping: ColumnMapping, userId: string | null, at: Date) {
  await db.insert(directoryImportMappings).values({ headerKey, mapping, updatedBy: userId, updatedAt: at })
    .onConflictDoUpdate({ target: directoryImportMappings.headerKey, set: { mapping, updatedBy: userId, updatedAt: at } })
}
