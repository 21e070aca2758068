import type { ReportView } from '../../../services/reports/report-view'
import { methodParagraphs } from './report-text'

/** "How the comparison works": the groups, the k = 5 rule, percentile rank, stars and frozen norms, in plain words. */
export function ReportMethodsSection({ view }: { view: ReportView }) {
  return (
    <section aria-labelledby="methods-title">
      <h2 id="methods-title">How the comparison works</h2>
      <dl class="report-methods">
        {methodParagraphs(view).map((m) => (
          <>
            <dt>{m.title}</dt>
            <dd>{m.text}</dd>
          </>
        ))}
      </dl>
    </section>
  )
}
