/** "12 of 20 answered" with a bar; the data attributes let the questionnaire script update it live. */
export function ProgressLine({ answered, total, label, live }: { answered: number; total: number; label: string; live?: 'area' | 'overall' }) {
  const pct = total === 0 ? 100 : Math.round((100 * answered) / total)
  return (
    <div class="progress" data-progress={live}>
      <span class="progress-label">
        {label}: <span data-progress-text>{answered} of {total} answered</span>
      </span>
      <progress max={total || 1} value={total === 0 ? 1 : answered} aria-label={`${label}: ${pct}% answered`}></progress>
    </div>
  )
}
