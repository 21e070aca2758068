import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { badges, schoolBadgeSettings } from '../schema/badges'
import { cycles } from '../schema/cycles'
import { schools } from '../schema/schools'

// The public directory's reads and the per-school settings behind it (listing, Inaugural Supporter).

/** A school without a settings row is listed: the default is in (decision 128). */
const listed = sql<boolean>`coalesce(${schoolBadgeSettings.listedInDirectory}, true)`

/** Every badge not revoked, with its school's listing choice; the caller keeps the current ones (domain rule). */
export function unrevokedBadgesForDirectory(db: Db) {
  return db.select({
    publicId: badges.publicId,
    schoolId: badges.schoolId,
    schoolName: schools.name,
    city: schools.city,
    state: schools.state,
    discipline: badges.discipline,
    cycleTitle: cycles.title,
    cycleOpensAt: cycles.opensAt,
    validFrom: badges.validFrom,
    validUntil: badges.validUntil,
    revokedAt: badges.revokedAt,
    schoolListed: listed,
  }).from(badges)
    .innerJoin(schools, eq(schools.id, badges.schoolId))
    .innerJoin(cycles, eq(cycles.id, badges.cycleId))
    .leftJoin(schoolBadgeSettings, eq(schoolBadgeSettings.schoolId, badges.schoolId))
    .where(isNull(badges.revokedAt))
    .orderBy(asc(schools.name), asc(cycles.opensAt))
}

export function inauguralSupporters(db: Db) {
  return db.select({
    schoolId: schools.id,
    schoolName: schools.name,
    state: schools.state,
    discipline: schools.discipline,
    year: schoolBadgeSettings.inauguralSupporterYear,
    note: schoolBadgeSettings.inauguralSupporterNote,
  }).from(schoolBadgeSettings)
    .innerJoin(schools, eq(schools.id, schoolBadgeSettings.schoolId))
    .where(isNotNull(schoolBadgeSettings.inauguralSupporterYear))
    .orderBy(asc(schoolBadgeSettings.inauguralSupporterYear), asc(schools.name))
}

export async function schoolListing(db: Db, schoolId: string) {
  const [row] = await db.select({ schoolId: schools.id, schoolName: schools.name, listed }).from(schools)
    .leftJoin(schoolBadgeSettings, eq(schoolBadgeSettings.schoolId, schools.id))
    .where(eq(schools.id, schoolId))
  return row
}

/** The school's badges, newest first, for its own workspace. */
export function badgesOfSchool(db: Db, schoolId: string) {
  return db.select({
    publicId: badges.publicId, discipline: badges.discipline, cycleTitle: cycles.title, validFrom: badges.validFrom,
    validUntil: badges.validUntil, revokedAt: badges.revokedAt,
  }).from(badges).innerJoin(cycles, eq(cycles.id, badges.cycleId))
    .where(eq(badges.schoolId, schoolId)).orderBy(sql`${badges.issuedAt} desc`)
}

type SettingsPatch = Partial<Pick<typeof schoolBadgeSettings.$inferInsert, 'listedInDirectory' | 'inauguralSupporterYear' | 'inauguralSupporterNote'>>

/** Writes part of a school's badge settings, creating its row with the defaults for the rest. */
export async function upsertSchoolBadgeSettings(db: Db, schoolId: string, patch: SettingsPatch, by: string | null, at: Date) {
  await db.insert(schoolBadgeSettings).values({ schoolId, ...patch, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: schoolBadgeSettings.schoolId, set: { ...patch, updatedBy: by, updatedAt: at } })
}

export async function schoolExists(db: Db, schoolId: string) {
  const [row] = await db.select({ id: schools.id, name: schools.name }).from(schools).where(and(eq(schools.id, schoolId)))
  return row
}

/** Schools the program team can flag, by name, for the supporters form's list. */
export function schoolChoices(db: Db) {
  return db.select({ id: schools.id, name: schools.name, state: schools.state }).from(schools)
    .where(eq(schools.status, 'active')).orderBy(asc(schools.name))
}
