import type { PublicChampion } from '../../../services/public/champions'
import type { FormState } from '../../form'
import type { Messages } from '../../i18n/messages'
import { ErrorSummary, TextField } from '../form-fields'
import { CheckboxField, HoneypotField, TextAreaField } from '../long-form-fields'

export function ChampionsPage({ m, champions }: { m: Messages; champions: PublicChampion[] }) {
  return (
    <>
      <h1>{m.champions.title}</h1>
      <p class="lead">{m.champions.intro}</p>
      <p>
        <a class="button" href="/champions/nominate">
          {m.champions.nominateLink}
        </a>
      </p>
      {champions.length === 0 ? (
        <p>{m.champions.none}</p>
      ) : (
        <ul class="champion-list cards">
          {champions.map((c) => (
            <li class="card">
              <h2>{c.name}</h2>
              <p class="muted">
                {c.role}, {c.institution}
              </p>
              <p>{c.blurb}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export function NominatePage({ m, form }: { m: Messages; form: FormState }) {
  const n = m.nominate
  return (
    <section class="narrow">
      <h1>{n.title}</h1>
      <p>{n.intro}</p>
      <ErrorSummary form={form} />
      <form method="post" action="/champions/nominate" novalidate>
        <fieldset>
          <legend>{n.nomineeTitle}</legend>
          <TextField name="nomineeName" label={n.nomineeName} form={form} required />
          <TextField name="nomineeRole" label={n.nomineeRole} hint={n.nomineeRoleHint} form={form} required />
          <TextField name="nomineeInstitution" label={n.nomineeInstitution} form={form} required />
          <TextAreaField name="achievements" label={n.achievements} hint={n.achievementsHint} form={form} rows={8} required />
          <CheckboxField name="consent" label={n.consent} hint={n.consentHint} form={form} />
        </fieldset>
        <fieldset>
          <legend>{n.nominatorTitle}</legend>
          <TextField name="nominatorName" label={n.nominatorName} autocomplete="name" form={form} required />
          <TextField name="nominatorEmail" label={n.nominatorEmail} hint={n.nominatorEmailHint} type="email" autocomplete="email" form={form} required />
        </fieldset>
        <HoneypotField label={m.common.honeypotLabel} />
        <button type="submit" class="button">
          {n.submit}
        </button>
      </form>
    </section>
  )
}
