import type { ResearchCycle } from '../../../services/research/research-cycles'

/** The top of a per-cycle analysis page: the way back to the round, its title and the pilot warning. */
export function AnalysisHeader({ cycle, heading }: { cycle: ResearchCycle; heading: string }) {
  return (
    <>
      <p>
        <a href={`/research/cycles/${cycle.id}`}>← {cycle.title}</a>
      </p>
      <h1>
        {heading}: {cycle.title}
        {cycle.pilot && <span class="tag">pilot</span>}
      </h1>
      {cycle.pilot && (
        <p class="notice notice-warning">This was a pilot round. Its figures are not part of any published norm; say it was a pilot wherever you use them.</p>
      )}
    </>
  )
}

/** A statistic as the pages show it: one decimal. */
export const oneDecimal = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1))
