import { placeSchool, type GroupKind, type NormsMember, type Placement, type SchoolFacts } from '../../domain/benchmark/comparison-groups'
import { placeEveryMember } from '../../domain/benchmark/placement-all'

// A report view places its school on ~40 metric × group pairs; `placeSchool` filters and sorts all 2,000 members of
// the frozen snapshot for each, which was ~40 % of the time to make a report PDF (decision 074). A frozen snapshot
// never changes, so each pair is placed for every member at once (`placeEveryMember`, proven equal to `placeSchool`
// per member) the first time a report asks for it, and later reports only look their school up.
//
// That answer is only the school's when the snapshot holds the school exactly as it is now: same response, same
// facts, same score on that metric. Otherwise (a late school, a score or a fact changed since the freeze)
// `placeSchool` places it as before, its current entry in place of the frozen one.

type Placed = { frozen: Map<string, NormsMember>; byPair: Map<string, Map<string, Placement>> }

// Keyed by the members array of a cached snapshot object. Only the last two snapshots used are kept: every pair
// placed for everyone is ~10 MiB at 2,000 schools (~58 MiB at 10,000), and reports are made for one cycle at a time.
const KEEP = 2
const placedBySnapshot = new Map<readonly NormsMember[], Placed>()

function placedFor(members: readonly NormsMember[]): Placed {
  let placed = placedBySnapshot.get(members)
  if (placed) placedBySnapshot.delete(members) // most recently used last
  else placed = { frozen: new Map(members.map((m) => [m.responseId, m])), byPair: new Map() }
  placedBySnapshot.set(members, placed)
  if (placedBySnapshot.size > KEEP) placedBySnapshot.delete(placedBySnapshot.keys().next().value!)
  return placed
}

const sameFacts = (a: SchoolFacts, b: SchoolFacts) => a.discipline === b.discipline && a.control === b.control && a.carnegieGroup === b.carnegieGroup

/** Exactly `placeSchool(target, members, metric, group)`, for `members` of a frozen (never changing) snapshot. */
export function placeInFrozenSnapshot(target: NormsMember, members: readonly NormsMember[], metric: string, group: GroupKind): Placement {
  const placed = placedFor(members)
  const frozen = placed.frozen.get(target.responseId)
  const unchanged = frozen !== undefined && sameFacts(frozen.facts, target.facts) && (frozen.scores[metric] ?? null) === (target.scores[metric] ?? null)
  if (!unchanged) return placeSchool(target, members, metric, group)
  const pair = `${group}\u0000${metric}`
  let everyone = placed.byPair.get(pair)
  if (!everyone) {
    everyone = placeEveryMember(members, metric, group)
    placed.byPair.set(pair, everyone)
  }
  return everyone.get(target.responseId)!
}
