import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { scoresWithSchools } from '../../db/queries/scoring'
import { OVERALL, type GroupKind, type NormsMember, type Placement } from '../../domain/benchmark/comparison-groups'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { csvWithBom } from '../csv-files'
import { assertCan, notFound } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'
import { frozenSnapshot } from './norms-snapshot-cache'
import { placeInFrozenSnapshot } from './snapshot-placements'

// The program team's identified export of a cycle's results: one row per school with every score and the same
// placements its report shows (overall vs all schools and the discipline; each domain vs all; each area vs similar
// schools and vs all). Never for analysts (they get de-identified exports); every download is audited.

/** The comparisons a report makes for each kind of metric, in the order the columns come. */
const OVERALL_GROUPS: readonly GroupKind[] = ['all', 'discipline']
const DOMAIN_GROUPS: readonly GroupKind[] = ['all']
const AREA_GROUPS: readonly GroupKind[] = ['similar', 'all']

/** Percentile rank, stars and the group actually used (similar falls back to discipline); blanks when not placed. */
function placementCells(p: Placement): (string | number)[] {
  if (p.kind !== 'placed') return ['', '', p.kind === 'not-enough' ? `fewer than 5 (${p.n})` : '']
  return [p.rank.toFixed(2), p.stars, p.group]
}

export async function cycleScoresCsv(db: Db, actor: Actor, cycleId: string, ip: string | null = null) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const instrument = await storedInstrument(db, cycle.instrumentVersion)
  const metrics = [
    { id: OVERALL, groups: OVERALL_GROUPS },
    ...instrument.domains.map((d) => ({ id: d.id, groups: DOMAIN_GROUPS })),
    ...instrument.domains.flatMap((d) => d.areas.map((a) => ({ id: a.id, groups: AREA_GROUPS }))),
  ]
  const header = [
    'school_id', 'ipeds_unit_id', 'school', 'state', 'discipline', 'control', 'carnegie_group', 'response_id', 'submitted_at', 'late',
    'instrument_version', 'norms_snapshot_id',
    ...metrics.flatMap((m) => [`${m.id}_score`, ...m.groups.flatMap((g) => [`${m.id}_pct_${g}`, `${m.id}_stars_${g}`, `${m.id}_group_${g}`])]),
  ]
  const rows = []
  for (const r of await scoresWithSchools(db, cycleId)) {
    const snapshot = r.snapshotId ? await frozenSnapshot(db, r.snapshotId) : undefined
    const me: NormsMember = {
      responseId: r.responseId,
      facts: { discipline: r.discipline, control: r.control, carnegieGroup: r.carnegieGroup },
      scores: { ...r.areas, ...r.domains, [OVERALL]: r.overall },
    }
    const score = (id: string) => {
      const value = me.scores[id]
      return value === null || value === undefined ? '' : value.toFixed(2)
    }
    rows.push([
      r.schoolId, r.ipedsUnitId, r.schoolName, r.state, r.discipline, r.control, r.carnegieGroup, r.responseId, r.submittedAt, r.late,
      r.instrumentVersion, r.snapshotId,
      ...metrics.flatMap((m) => [
        score(m.id),
        ...m.groups.flatMap((g) => (snapshot ? placementCells(placeInFrozenSnapshot(me, snapshot.members, m.id, g)) : ['', '', ''])),
      ]),
    ])
  }
  await db.transaction((tx) => recordAudit(tx, actor, 'cycle.scores-exported', { subject: cycleId, details: { rows: rows.length } }, { ip }))
  return { filename: `scores-${cycle.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.csv`, csv: csvWithBom(header, rows) }
}
