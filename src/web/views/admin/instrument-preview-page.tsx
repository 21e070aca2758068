import { assetPath } from '../../static-assets'
import type { FieldReader } from '../../../domain/instrument/answer-form'
import { conditionOf, type FormRead } from '../../../domain/instrument/instrument-form'
import type { Instrument } from '../../../domain/instrument/instrument-model'
import { DISCIPLINE_LABELS, type Discipline } from '../../../domain/school/school-facts'
import { QuestionnaireItem } from '../instrument/questionnaire-item'
import { DisciplineSelect } from './instrument-version-page'

export type PreviewProps = { instrument: Instrument; discipline: Discipline; field: FieldReader; read: FormRead; submitted: boolean }

/** The questionnaire as a respondent of one discipline sees it; skip logic runs live with JavaScript, or on "Apply answers". */
export function InstrumentPreviewPage({ instrument, discipline, field, read, submitted }: PreviewProps) {
  const total = instrument.domains.flatMap((d) => d.areas.flatMap((a) => a.items)).length
  return (
    <>
      <p>
        <a href={`/admin/instruments/${instrument.id}`}>Back to {instrument.id}</a>
      </p>
      <h1>Preview: {instrument.title}</h1>
      <p class="lead">
        As a {DISCIPLINE_LABELS[discipline]} school sees it. Nothing is saved; answers only open and close follow-up questions.
      </p>
      <form method="get" class="inline-form" action={`/admin/instruments/${instrument.id}/preview`}>
        <DisciplineSelect selected={discipline} />
        <button type="submit" class="button">Switch discipline</button>
      </form>
      <form method="get" action={`/admin/instruments/${instrument.id}/preview`} data-skip-logic class="questionnaire">
        <input type="hidden" name="discipline" value={discipline} />
        <input type="hidden" name="submitted" value="1" />
        <p class="muted" aria-live="polite" data-visible-count>
          {read.visible.size} of {total} questions shown.
        </p>
        {submitted && read.errors.size > 0 && (
          <div class="error-summary" role="alert" aria-labelledby="preview-errors">
            <h2 id="preview-errors">Some answers would not be accepted</h2>
            <ul>
              {[...read.errors].map(([id, message]) => (
                <li>
                  <a href={`#${id}`}>
                    {id}: {message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {instrument.domains.map((domain) => (
          <section>
            <h2>{domain.title}</h2>
            {domain.areas.map((area) => (
              <section class="area">
                <h3>{area.title}</h3>
                {area.items.map((item) => (
                  <QuestionnaireItem item={item} field={field} error={read.errors.get(item.id)} hidden={!read.visible.has(item.id)} showIf={conditionOf(item)} />
                ))}
              </section>
            ))}
          </section>
        ))}
        <button type="submit" class="button">
          Apply answers
        </button>
      </form>
      <script src={assetPath('instrument-preview.js')} defer></script>
    </>
  )
}
