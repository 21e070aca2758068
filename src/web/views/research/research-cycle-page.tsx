import { CYCLE_STATUS_LABELS } from '../../../domain/cycle/cycle-states'
import { K } from '../../../domain/research/deidentify'
import { DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, exportFileName } from '../../../services/research/export-formats'
import type { ResearchCycle } from '../../../services/research/research-cycles'
import { When } from '../format'
import { Count } from './published-count'
import { RESEARCH_CYCLE_LINKS } from './research-cycle-links'

/** One round for analysts: its size, its other research pages, and its de-identified exports (or why there are none). */
export function ResearchCyclePage({ cycle, mayExportIdentified }: { cycle: ResearchCycle; mayExportIdentified: boolean }) {
  const base = `/research/cycles/${cycle.id}`
  return (
    <>
      <p>
        <a href="/research">← All rounds</a>
      </p>
      <h1>
        {cycle.title}
        {cycle.pilot && <span class="tag">pilot</span>}
      </h1>
      {cycle.pilot && (
        <p class="notice notice-warning">
          This was a pilot round: its schools tried out the questionnaire. Its figures are not part of any published norm;
          say it was a pilot wherever you use them.
        </p>
      )}
      <dl class="pairs">
        <dt>Status</dt>
        <dd>{CYCLE_STATUS_LABELS[cycle.status]}</dd>
        <dt>Deadline</dt>
        <dd>
          <When at={cycle.deadlineAt} dateOnly />
        </dd>
        <dt>Instrument version</dt>
        <dd>{cycle.instrumentVersion}</dd>
        <dt>Certified responses</dt>
        <dd>
          <Count count={cycle.total} />
          {cycle.byDiscipline.length > 0 && (
            <>
              {' '}(
              {cycle.byDiscipline.map((d, i) => (
                <>
                  {i > 0 && ', '}
                  {DISCIPLINE_LABELS[d.discipline]}: <Count count={d.n} />
                </>
              ))}
              )
            </>
          )}
        </dd>
      </dl>
      {RESEARCH_CYCLE_LINKS.length > 0 && (
        <>
          <h2>Analyses</h2>
          <ul>
            {RESEARCH_CYCLE_LINKS.map((link) => (
              <li>
                <a href={`${base}/${link.path}`}>{link.label}</a>: {link.description}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 id="exports">De-identified exports</h2>
      {cycle.availability.ok ? (
        <>
          <p>
            One row per certified response. Each school appears under a study id made for this round only; its name,
            unit id and state are not in the file. Discipline, control, Carnegie group and Census region are coarsened
            until every combination of them holds at least {K} schools; the README says what was changed and how often.
            Free-text answers are left out. Every download is recorded in the audit log.
          </p>
          <dl class="export-files">
            {EXPORT_FORMATS.map((format) => (
              <>
                <dt>
                  <a href={`${base}/exports/${format}`} download={format === 'codebook-html' ? undefined : exportFileName(cycle.title, format)}>
                    {EXPORT_FORMAT_INFO[format].label}
                  </a>
                </dt>
                <dd>{EXPORT_FORMAT_INFO[format].description}</dd>
              </>
            ))}
          </dl>
          {mayExportIdentified && (
            <>
              <h2>For the program team</h2>
              <p>
                <a href={`${base}/identified`}>Export with school names</a>: the same rows with each school’s name, unit id,
                state and study id.
              </p>
            </>
          )}
        </>
      ) : (
        <p class="notice">{cycle.availability.reason}</p>
      )}
    </>
  )
}
