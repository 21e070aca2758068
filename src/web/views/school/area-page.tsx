import type { FieldReader } from '../../../domain/instrument/answer-form'
import { conditionOf } from '../../../domain/instrument/instrument-form'
import type { Item } from '../../../domain/instrument/instrument-model'
import { itemFields, type AreaView, type ItemProblem } from '../../../services/responses/response-area'
import { When } from '../format'
import { QuestionnaireItem } from '../instrument/questionnaire-item'
import { answerText } from './answer-text'
import { ProgressLine } from './progress-bar'

export type AreaPageProps = { view: AreaView; field: FieldReader; problems?: ReadonlyMap<string, ItemProblem> }

/**
 * One area of the questionnaire: a plain form that saves everything on "Save answers", and, with the
 * questionnaire script, saves each answer as it changes. Each item carries its version so no save overwrites a
 * colleague's newer answer.
 */
export function AreaPage({ view, field, problems = new Map() }: AreaPageProps) {
  const { access, area } = view
  const base = `/school/responses/${access.id}`
  const mine = view.progress.find((p) => p.areaId === area.id)!
  const others = { answered: view.overall.answered - mine.answered, total: view.overall.total - mine.total }
  const index = view.areas.findIndex((a) => a.id === area.id)
  const next = view.areas.slice(index + 1).find((a) => a.mine)
  return (
    <>
      <p>
        <a href={base}>Back to the response overview</a>
      </p>
      <h1>{area.title}</h1>
      {area.description && <p class="lead">{area.description}</p>}
      <p class="muted">
        {access.schoolName} · {access.cycleTitle}
        {view.assignees.length > 0 && ` · Answered by ${view.assignees.map((a) => a.name ?? a.email).join(', ')}`}
      </p>
      <div class="progress-group" data-other-answered={others.answered} data-other-total={others.total}>
        <ProgressLine label="This area" answered={mine.answered} total={mine.total} live="area" />
        <ProgressLine label="Whole response" answered={view.overall.answered} total={view.overall.total} live="overall" />
      </div>
      {view.lockMessage && <p class="notice notice-warning">{view.lockMessage}</p>}
      {view.paper && view.canEdit && <p class="notice">You are entering this school’s answers from a paper copy. Every change is recorded as a paper entry.</p>}
      {problems.size > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="area-errors" tabindex={-1}>
          <h2 id="area-errors">{problems.size === 1 ? 'One answer was not saved' : `${problems.size} answers were not saved`}</h2>
          <p>Your other answers were saved. What you typed is still in the form.</p>
          <ul>
            {[...problems].map(([id, p]) => (
              <li>
                <a href={`#${id}`}>{area.items.find((i) => i.id === id)?.text ?? id}</a>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`${base}/areas/${area.id}`} class="questionnaire" data-questionnaire data-save-url={`${base}/answers`}>
        <p class="save-status" role="status" aria-live="polite" data-page-status></p>
        <fieldset class="plain" disabled={!view.canEdit}>
          <legend class="visually-hidden">{area.title}</legend>
          {area.items.map((item) => (
            <AnswerBlock item={item} view={view} field={field} problem={problems.get(item.id)} />
          ))}
          {view.canEdit && (
            <div class="actions">
              <button type="submit" class="button">
                Save answers
              </button>
              <span class="hint">With JavaScript on, answers also save as you go.</span>
            </div>
          )}
        </fieldset>
      </form>
      <p>
        {next ? <a href={`${base}/areas/${next.id}`}>Next area: {next.title}</a> : <a href={`${base}/review`}>Review and submit</a>}
      </p>
      <script src="/assets/questionnaire.js" defer></script>
    </>
  )
}

function AnswerBlock({ item, view, field, problem }: { item: Item; view: AreaView; field: FieldReader; problem: ItemProblem | undefined }) {
  const stored = view.access.stored.get(item.id)
  const names = itemFields(item.id)
  const shown = view.visible.has(item.id) || problem !== undefined
  return (
    <div class="answer" data-answer={item.id} data-version={stored?.version ?? 0} hidden={!shown}>
      {stored?.prefilled && (
        <p class="prefilled">
          <span class="tag">Carried forward</span> This answer comes from your last cycle. Check it, then confirm it.{' '}
          <label class="choice">
            <input type="checkbox" name={names.confirm} value="1" data-confirm /> Confirm this answer
          </label>
        </p>
      )}
      <QuestionnaireItem item={item} field={field} error={problem?.message} hidden={false} showIf={conditionOf(item)} />
      {problem?.theirs && (
        <div class="conflict" data-conflict>
          <p>
            <strong>Their answer:</strong> {answerText(item, problem.theirs.value)}
            {problem.theirs.by && ` (by ${problem.theirs.by}, `}
            {problem.theirs.by && <When at={problem.theirs.at} />}
            {problem.theirs.by && ')'}
          </p>
          <p>Your answer is still in the form above. Save again to keep yours, or:</p>
          <label class="choice">
            <input type="checkbox" name={names.useTheirs} value="1" /> Use their answer instead
          </label>
        </div>
      )}
      <details class="answer-extras" open={Boolean(field(names.note)[0] || field(names.evidence)[0]) || undefined}>
        <summary>Note and evidence link</summary>
        <label for={names.note}>Note for your team (optional)</label>
        <textarea id={names.note} name={names.note} rows={2}>{field(names.note)[0] ?? ''}</textarea>
        <label for={names.evidence}>Evidence link (optional)</label>
        <input id={names.evidence} name={names.evidence} type="url" value={field(names.evidence)[0] ?? ''} placeholder="https://" />
      </details>
      <input type="hidden" name={names.base} value={String(stored?.version ?? 0)} data-base />
      <p class="item-status" data-item-status></p>
    </div>
  )
}
