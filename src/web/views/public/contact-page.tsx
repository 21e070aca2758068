import type { FormState } from '../../form'
import type { Messages } from '../../i18n/messages'
import { ErrorSummary, SelectField, TextField } from '../form-fields'
import { HoneypotField, TextAreaField } from '../long-form-fields'

export function ContactPage({ m, form, contactEmail }: { m: Messages; form: FormState; contactEmail: string }) {
  const t = m.contact
  return (
    <section class="narrow">
      <h1>{t.title}</h1>
      <p>
        {t.intro} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
      </p>
      <ErrorSummary form={form} />
      <form method="post" action="/contact" novalidate>
        <SelectField
          name="topic"
          label={t.topic}
          form={form}
          options={Object.entries(t.topics).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="name" label={t.name} autocomplete="name" form={form} required />
        <TextField name="email" label={t.email} type="email" autocomplete="email" form={form} required />
        <TextField name="subject" label={t.subject} form={form} required />
        <TextAreaField name="message" label={t.message} hint={t.messageHint} form={form} rows={8} required />
        <HoneypotField label={m.common.honeypotLabel} />
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </section>
  )
}
