import { DISCIPLINES, DISCIPLINE_LABELS } from '../../../domain/school/school-facts'
import type { InstrumentOutline } from '../../../services/public/instrument-outline'
import type { Messages } from '../../i18n/messages'

// The static pages about the program: about, what the assessment measures, and the badge with its FAQ.

export function AboutPage({ m, contactEmail }: { m: Messages; contactEmail: string }) {
  const a = m.about
  return (
    <article class="prose">
      <h1>{a.title}</h1>
      <h2>{a.missionTitle}</h2>
      <p>{a.mission}</p>
      <h2>{a.howTitle}</h2>
      {a.how.map((p) => (
        <p>{p}</p>
      ))}
      <h2>{a.eligibilityTitle}</h2>
      <p>{a.eligibility}</p>
      <p>{a.disciplinesNow}</p>
      <ul>
        {DISCIPLINES.map((d) => (
          <li>{DISCIPLINE_LABELS[d]}</li>
        ))}
      </ul>
      <h2>{a.confidentialityTitle}</h2>
      <ul>
        {a.confidentiality.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
      <h2>{a.contactTitle}</h2>
      <p>
        {a.contact} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
      </p>
    </article>
  )
}

export function AssessmentPage({ m, outline }: { m: Messages; outline: InstrumentOutline }) {
  const areaCount = outline.domains.reduce((n, d) => n + d.areas.length, 0)
  return (
    <article class="prose">
      <h1>{m.assessment.title}</h1>
      <p class="lead">{m.assessment.intro(outline.domains.length, areaCount)}</p>
      <ol class="domain-list">
        {outline.domains.map((domain) => (
          <li>
            <h2 id={`domain-${domain.id}`}>{domain.name}</h2>
            <p>{domain.description}</p>
            <ul class="area-list" aria-labelledby={`domain-${domain.id}`}>
              {domain.areas.map((area) => (
                <li>
                  <strong>{area.name}.</strong> {area.description}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <h2>{m.assessment.reportTitle}</h2>
      <p>{m.assessment.report}</p>
      <p class="muted small">{m.assessment.version(outline.versionId)}</p>
    </article>
  )
}

export function BadgePage({ m }: { m: Messages }) {
  const b = m.badge
  return (
    <article class="prose">
      <h1>{b.title}</h1>
      <p class="lead">{b.intro}</p>
      <h2>{b.faqTitle}</h2>
      <dl class="faq">
        {b.faq.map((item) => (
          <>
            <dt>{item.q}</dt>
            <dd>{item.a}</dd>
          </>
        ))}
      </dl>
      <h2>{b.directoryTitle}</h2>
      <p>
        {b.directory} <a href="/badges">{b.directoryLink}</a>.
      </p>
      <h2>{b.askTitle}</h2>
      <p>
        {b.ask} <a href="/contact?topic=badge-inquiry">{b.askLink}</a>.
      </p>
    </article>
  )
}
