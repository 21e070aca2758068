import type { CarnegieGroup, Control, Discipline } from '../school/school-facts'
import type { CensusRegion } from './census-regions'

// De-identification of a research export (decision 133). A row's quasi-identifiers (discipline, control, Carnegie
// group, Census region) could single a school out when few schools share them, so before any row is written they
// are coarsened until every combination in the file holds at least K rows: generalise first, then suppress.
//
// Discipline is never generalised (every published analysis is by discipline), so each discipline is treated on
// its own and takes the least coarsening it needs; a small discipline does not coarsen the large ones. Within a
// discipline, the steps run in a fixed order, the detail analysts use least going first:
//   1. region → all regions;  2. Carnegie group → doctoral / special focus / other;  3. Carnegie → all;
//   4. control → all.
// At each step, if the rows still in combinations under K are few (at most MAX_SUPPRESSED_SHARE of the discipline,
// and at least K of them, so they form a combination of K or more themselves), those rows' control, Carnegie group
// and region are suppressed instead of coarsening everyone further. A discipline with fewer than K rows has all
// four suppressed. Every rule works on whole combinations, so rows that look alike before look alike after.

export const K = 5
export const MAX_SUPPRESSED_SHARE = 0.05

export type QuasiIdentifiers = { discipline: Discipline; control: Control; carnegie: CarnegieGroup; region: CensusRegion }
export const QUASI_IDENTIFIERS = ['discipline', 'control', 'carnegie', 'region'] as const
export type QuasiIdentifier = (typeof QUASI_IDENTIFIERS)[number]

export type CoarseCarnegie = 'doctoral' | 'non-doctoral'
export type ReleasedQuasiIdentifiers = {
  discipline: Discipline | 'suppressed'
  control: Control | 'all' | 'suppressed'
  carnegie: CarnegieGroup | CoarseCarnegie | 'all' | 'suppressed'
  region: CensusRegion | 'all' | 'suppressed'
}

/** Carnegie's coarser groups: the three doctoral groups together, special focus alone, everything else together. */
export function coarseCarnegie(group: CarnegieGroup): CarnegieGroup | CoarseCarnegie {
  if (group === 'r1' || group === 'r2' || group === 'r3') return 'doctoral'
  return group === 'special-focus' ? group : 'non-doctoral'
}

/** What each generalisation level does, in the order they are tried (level 0 is the data as recorded). */
export const GENERALISATION_LEVELS = [
  'as recorded',
  'Census region combined into all regions',
  'and Carnegie groups combined into doctoral, special focus and other',
  'and Carnegie group combined into all groups',
  'and control (public or private) combined into both',
] as const
const TOP_LEVEL = GENERALISATION_LEVELS.length - 1

function atLevel(qi: QuasiIdentifiers, level: number): ReleasedQuasiIdentifiers {
  return {
    discipline: qi.discipline,
    control: level >= 4 ? 'all' : qi.control,
    carnegie: level >= 3 ? 'all' : level >= 2 ? coarseCarnegie(qi.carnegie) : qi.carnegie,
    region: level >= 1 ? 'all' : qi.region,
  }
}

const SUPPRESSED_ALL: ReleasedQuasiIdentifiers = { discipline: 'suppressed', control: 'suppressed', carnegie: 'suppressed', region: 'suppressed' }
const keyOf = (q: ReleasedQuasiIdentifiers | QuasiIdentifiers) => `${q.discipline}|${q.control}|${q.carnegie}|${q.region}`

export type QuasiIdentifierCell = { qi: QuasiIdentifiers; rows: number }

export type DisciplinePlan = {
  discipline: Discipline
  rows: number
  /** The generalisation level used (index into GENERALISATION_LEVELS); null when the discipline is under K. */
  level: number | null
  /** Rows whose control, Carnegie group and region (and, under K, discipline) are suppressed. */
  suppressedRows: number
}

export type DeidentificationPlan = {
  k: number
  rows: number
  disciplines: DisciplinePlan[]
  /** Per quasi-identifier, how many rows carry a value other than the recorded one (generalised or suppressed). */
  changed: Record<QuasiIdentifier, number>
  suppressedRows: number
  /** The released quasi-identifiers of a row with these recorded ones. */
  release(qi: QuasiIdentifiers): ReleasedQuasiIdentifiers
}

/** Decides the coarsening from the counts of rows per recorded combination (a GROUP BY, never the rows). */
export function planDeidentification(
  cells: readonly QuasiIdentifierCell[],
  options: { k?: number; maxSuppressedShare?: number } = {},
): DeidentificationPlan {
  const k = options.k ?? K
  const share = options.maxSuppressedShare ?? MAX_SUPPRESSED_SHARE
  const byDiscipline = new Map<Discipline, QuasiIdentifierCell[]>()
  for (const cell of cells) {
    if (cell.rows <= 0) continue
    byDiscipline.set(cell.qi.discipline, [...(byDiscipline.get(cell.qi.discipline) ?? []), cell])
  }
  const released = new Map<string, ReleasedQuasiIdentifiers>()
  const disciplines: DisciplinePlan[] = []
  for (const [discipline, group] of byDiscipline) {
    const rows = group.reduce((n, c) => n + c.rows, 0)
    if (rows < k) {
      for (const cell of group) released.set(keyOf(cell.qi), SUPPRESSED_ALL)
      disciplines.push({ discipline, rows, level: null, suppressedRows: rows })
      continue
    }
    for (let level = 0; level <= TOP_LEVEL; level++) {
      const counts = new Map<string, number>()
      for (const cell of group) {
        const key = keyOf(atLevel(cell.qi, level))
        counts.set(key, (counts.get(key) ?? 0) + cell.rows)
      }
      const small = group.filter((cell) => counts.get(keyOf(atLevel(cell.qi, level)))! < k)
      const smallRows = small.reduce((n, c) => n + c.rows, 0)
      const suppressible = smallRows >= k && smallRows <= Math.floor(share * rows)
      if (smallRows > 0 && !suppressible && level < TOP_LEVEL) continue
      const suppressed = new Set(small.map((cell) => keyOf(cell.qi)))
      for (const cell of group) {
        released.set(keyOf(cell.qi), suppressed.has(keyOf(cell.qi))
          ? { discipline, control: 'suppressed', carnegie: 'suppressed', region: 'suppressed' }
          : atLevel(cell.qi, level))
      }
      disciplines.push({ discipline, rows, level, suppressedRows: smallRows })
      break
    }
  }
  const changed: Record<QuasiIdentifier, number> = { discipline: 0, control: 0, carnegie: 0, region: 0 }
  for (const cell of cells) {
    const out = released.get(keyOf(cell.qi))
    if (!out || cell.rows <= 0) continue
    for (const name of QUASI_IDENTIFIERS) if (out[name] !== cell.qi[name]) changed[name] += cell.rows
  }
  return {
    k,
    rows: disciplines.reduce((n, d) => n + d.rows, 0),
    disciplines,
    changed,
    suppressedRows: disciplines.reduce((n, d) => n + d.suppressedRows, 0),
    release(qi) {
      const out = released.get(keyOf(qi))
      // A row the counts did not include would be released unchecked: suppress it rather than risk it.
      return out ?? SUPPRESSED_ALL
    },
  }
}
