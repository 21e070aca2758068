import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { appMeta } from '../schema/operations'

export async function readMeta(db: Db, key: string) {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, key))
  return row?.value
}

/** Sets the key only if it is unset; false means another process set it first. */
export async function claimMeta(db: Db, key: string, value: string): Promise<boolean> {
  const rows = await db.insert(appMeta).values({ key, value }).onConflictDoNothing().returning({ key: appMeta.key })
  return rows.length === 1
}
