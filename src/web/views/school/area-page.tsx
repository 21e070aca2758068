import { assetPath } from '../../static-assets'
import type { FieldReader } from '../../../domain/instrument/answer-form'
import { conditionOf } from '../../../domain/instrument/instrument-form'
import type { Item } from '../../../domain/instrument/instrument-model'
import { itemFields, type AreaView, type ItemProblem } from '../../../services/responses/response-area'
import { When } from '../format'
import { QuestionnaireItem } from '../instrument/questionnaire-item'
import { answerText } from './answer-text'
import { AreaList } from './area-list'
import { ProgressLine } from './progress-bar'

export type AreaPageProps = { view: AreaView; field: FieldReader; problems?: ReadonlyMap<string, ItemProblem> }

/**
 * One area of the questionnaire: a plain form that saves everything on "Save answers", and, with the
 * questionnaire script, saves each answer as it changes. Each item carries its version so no save overwrites a
 * colleague's newer answer.
 */
export function AreaPage({ view, field, problems = new Map() }: AreaPageProps) {
  const { access, area, row } = view
  const base = `/school/responses/${access.id}`
  const mine = view.progress.find((p) => p.areaId === area.id)!
  const others = { answered: view.overall.answered - mine.answered, total: view.overall.total - mine.total, settled: view.overall.settled - mine.settled, all: view.overall.all - mine.all }
  const index = view.areas.findIndex((a) => a.id === area.id)
  const previous = view.areas.slice(0, index).findLast((a) => a.canOpen)
  const next = view.areas.slice(index + 1).find((a) => a.canOpen)
  const numbers = new Map(area.items.map((item, i) => [item.id, `${row.number}.${i + 1}`]))
  return (
    <>
      <p>
        <a href={base}>Back to the questionnaire</a>
      </p>
      {problems.size > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="area-errors" tabindex={-1}>
          <h2 id="area-errors">{problems.size === 1 ? 'One answer was not saved' : `${problems.size} answers were not saved`}</h2>
          <p>Your other answers were saved. What you typed is still in the form.</p>
          <ul>
            {[...problems].map(([id, p]) => (
              <li>
                <a href={`#${id}`}>
                  Question {numbers.get(id) ?? ''}: {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="caption">
        Area {row.number} of {view.areas.length} · {row.domainTitle}
      </p>
      <h1>{area.title}</h1>
      {area.description && <p class="lead">{area.description}</p>}
      <p class="muted">
        {access.schoolName} · {access.cycleTitle}
        {view.assignees.length > 0 && ` · Answered by ${view.assignees.map((a) => a.name ?? a.email).join(', ')}`}
      </p>
      <div class="progress-group" data-other-answered={others.answered} data-other-total={others.total} data-other-settled={others.settled} data-other-all={others.all}>
        <ProgressLine label="This area" progress={mine} live="area" />
        <ProgressLine label="Whole questionnaire" progress={view.overall} live="overall" />
        <p class="hint">
          We count only the questions that apply to your school. An answer can open a follow-up question, which adds to the count.
          {view.minutesLeft > 0 && ` About ${view.minutesLeft} ${view.minutesLeft === 1 ? 'minute' : 'minutes'} left in this area, if you have the figures at hand.`}
        </p>
        <p class="followup-note" role="status" data-followup></p>
      </div>
      {view.lockMessage && <p class="notice notice-warning">{view.lockMessage}</p>}
      {view.paper && view.canEdit && <p class="notice">You are entering this school’s answers from a paper copy. Every change is recorded as a paper entry.</p>}
      {view.canEdit && (
        <noscript>
          <p class="notice">Follow-up questions appear after you save: if an answer opens one, it is shown when the page comes back.</p>
        </noscript>
      )}
      <form method="post" action={`${base}/areas/${area.id}`} class="questionnaire" data-questionnaire data-save-url={`${base}/answers`}>
        <p class="save-status" role="status" aria-live="polite" data-page-status></p>
        <fieldset class="plain" disabled={!view.canEdit}>
          <legend class="visually-hidden">{area.title}</legend>
          {area.items.map((item) => (
            <AnswerBlock item={item} view={view} field={field} problem={problems.get(item.id)} number={numbers.get(item.id)!} />
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
      <nav class="area-pager" aria-label="Areas">
        {previous && (
          <a href={`${base}/areas/${previous.id}`} rel="prev">
            <span class="area-pager-label">Previous area</span> {previous.title}
          </a>
        )}
        {next ? (
          <a href={`${base}/areas/${next.id}`} rel="next">
            <span class="area-pager-label">Next area</span> {next.title}
          </a>
        ) : (
          <a href={`${base}/review`}>
            <span class="area-pager-label">Last area</span> Check your answers
          </a>
        )}
      </nav>
      <details class="area-index">
        <summary>All areas ({view.areas.filter((a) => a.status === 'done').length} of {view.areas.length} done)</summary>
        <AreaList areas={view.areas} base={base} current={area.id} />
      </details>
      <script src={assetPath('questionnaire.js')} defer></script>
    </>
  )
}

function AnswerBlock({ item, view, field, problem, number }: { item: Item; view: AreaView; field: FieldReader; problem: ItemProblem | undefined; number: string }) {
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
      <QuestionnaireItem item={item} field={field} error={problem?.message} hidden={false} showIf={conditionOf(item)} number={number} showId={view.paper} />
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
