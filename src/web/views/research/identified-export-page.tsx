import { EXPORT_FORMAT_INFO, IDENTIFIED_FORMATS } from '../../../services/research/export-formats'
import type { ResearchCycle } from '../../../services/research/research-cycles'
import { emptyForm, type FormState } from '../../form'
import { ChoiceGroup, ErrorSummary } from '../form-fields'
import { Count } from './published-count'

/** The check before the program team downloads a file that names schools beside their answers and scores. */
export function IdentifiedExportPage({ cycle, form = emptyForm }: { cycle: ResearchCycle; form?: FormState }) {
  return (
    <>
      <p>
        <a href={`/research/cycles/${cycle.id}`}>← {cycle.title}</a>
      </p>
      <h1>Export with school names</h1>
      <ErrorSummary form={form} />
      <div class="panel-confirm">
        <p>
          <strong>This file names schools. Keep it inside the program team.</strong>
        </p>
        <p>
          It holds the same rows as the de-identified export (<Count count={cycle.total} /> certified responses) with each
          school’s name, IPEDS unit id, state and study id, and their discipline, control, Carnegie group and region as
          recorded. Schools were promised that only aggregates leave the program. Your download is recorded in the audit log.
        </p>
      </div>
      {cycle.availability.ok ? (
        <form method="post" action={`/research/cycles/${cycle.id}/identified`}>
          <ChoiceGroup
            name="format"
            legend="File type"
            type="radio"
            form={form}
            checked={[form.values['format'] ?? 'csv']}
            options={IDENTIFIED_FORMATS.map((f) => ({ value: f, label: EXPORT_FORMAT_INFO[f].label }))}
          />
          <button type="submit" class="button button-warning">
            Download the file naming schools
          </button>
        </form>
      ) : (
        <p class="notice">{cycle.availability.reason}</p>
      )}
    </>
  )
}
