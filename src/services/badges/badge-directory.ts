import type { Db } from '../../db/client'
import { inauguralSupporters, unrevokedBadgesForDirectory } from '../../db/queries/badge-directory'
import { listedInDirectory } from '../../domain/badges/badge-status'
import { DISCIPLINES, type Discipline } from '../../domain/school/school-facts'
import { cycleYearOf } from './badge-issue'

export type DirectoryFilters = { discipline?: Discipline | undefined; state?: string | undefined; year?: number | undefined }

export type DirectoryEntry = { publicId: string; schoolName: string; city: string; state: string; discipline: Discipline; cycleTitle: string; cycleYear: number; validUntil: Date }

/**
 * The public directory: current badges of listed schools (decision 128), filtered; the filter choices come from
 * every listed badge, so a choice never leads to an empty list. Inaugural Supporters come from the admin flag only.
 */
export async function badgeDirectory(db: Db, filters: DirectoryFilters, now: Date) {
  const current: DirectoryEntry[] = (await unrevokedBadgesForDirectory(db))
    .filter((row) => listedInDirectory(row, now))
    .map((row) => ({
      publicId: row.publicId, schoolName: row.schoolName, city: row.city, state: row.state, discipline: row.discipline,
      cycleTitle: row.cycleTitle, cycleYear: cycleYearOf(row.cycleOpensAt), validUntil: row.validUntil,
    }))
  const entries = current.filter((e) =>
    (!filters.discipline || e.discipline === filters.discipline) && (!filters.state || e.state === filters.state) && (!filters.year || e.cycleYear === filters.year))
  const choices = {
    disciplines: DISCIPLINES.filter((d) => current.some((e) => e.discipline === d)),
    states: [...new Set(current.map((e) => e.state))].sort(),
    years: [...new Set(current.map((e) => e.cycleYear))].sort((a, b) => b - a),
  }
  return { entries, choices, supporters: await inauguralSupporters(db) }
}
