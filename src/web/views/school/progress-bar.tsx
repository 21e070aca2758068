import type { AreaProgress } from '../../../domain/response/response-progress'

/**
 * "12 of 20 questions answered" with a bar. The text counts the questions that apply now; the bar counts those
 * settled (answered, or ruled out by an earlier answer) of all the discipline's questions, so it never moves back
 * when a follow-up opens. The data attributes let the questionnaire script update both live.
 */
export function ProgressLine({ progress, label, live }: { progress: Omit<AreaProgress, 'areaId'>; label: string; live?: 'area' | 'overall' }) {
  const { answered, total, settled, all } = progress
  const pct = all === 0 ? 100 : Math.floor((100 * settled) / all)
  return (
    <div class="progress" data-progress={live}>
      <span class="progress-label">
        {label}: <span data-progress-text>{answered} of {total} questions answered</span>
      </span>
      <progress max={all || 1} value={all === 0 ? 1 : settled} aria-label={`${label}: ${pct}% complete`}></progress>
    </div>
  )
}
