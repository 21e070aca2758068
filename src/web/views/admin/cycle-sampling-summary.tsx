import { DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import type { SampleSizes } from '../../../domain/cycle/sampling'

type CycleSampling = { disciplines: readonly Discipline[]; sampleSizes: SampleSizes; sampleSeed: number | null }

/** Whom the cycle invites, in words: "every eligible school" per discipline or "a random sample of N", and the seed. */
export function InvitedSummary({ cycle }: { cycle: CycleSampling }) {
  return (
    <ul>
      {cycle.disciplines.map((d) => {
        const n = cycle.sampleSizes[d]
        return <li>{DISCIPLINE_LABELS[d]}: {n === undefined ? 'every eligible school' : `a random sample of ${n.toLocaleString('en-US')}`}</li>
      })}
      {cycle.sampleSeed !== null && <li>Sample seed: {cycle.sampleSeed}</li>}
    </ul>
  )
}

/** Said wherever the cycle is shown to the program team, so nobody mistakes a pilot's figures for a real round's. */
export function PilotNotice({ pilot }: { pilot: boolean }) {
  if (!pilot) return null
  return (
    <p class="notice notice-warning">
      <strong>Pilot or test round.</strong> Its schools get their scores, but it is never counted in public figures or in the norms of
      other cycles.
    </p>
  )
}
