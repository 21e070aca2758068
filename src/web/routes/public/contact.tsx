import { Hono } from 'hono'
import { submitContactMessage } from '../../../services/inbox/public-submissions'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { messagesFor } from '../../i18n/messages'
import { readForm } from '../../localized-form'
import { ContactPage } from '../../views/public/contact-page'
import { contactForm } from './public-form-schemas'

const contactPage = (c: Ctx, form: FormState) => {
  const m = messagesFor(c)
  return c.render(<ContactPage m={m} form={form} contactEmail={c.var.deps.config.contactEmail} />, {
    title: m.contact.title,
    description: m.contact.description,
  })
}

/** General questions and badge inquiries; `/contact?topic=badge-inquiry` presets the "Badge Recognition" subject. */
export const contactRoutes = new Hono<AppEnv>()
  .get('/contact', (c) => {
    const m = messagesFor(c)
    const badge = c.req.query('topic') === 'badge-inquiry'
    return contactPage(c, { values: badge ? { topic: 'badge-inquiry', subject: m.contact.topics['badge-inquiry'] } : { topic: 'general-contact' }, errors: {} })
  })
  .post('/contact', async (c) => {
    const m = messagesFor(c)
    const read = await readForm(c, contactForm(m))
    if (!read.ok) {
      c.status(422)
      return contactPage(c, read.form)
    }
    const { deps } = c.var
    const form = read.data
    const result = await submitContactMessage(
      deps.db,
      { kind: form.topic, name: form.name, email: form.email, subject: form.subject, message: form.message, honeypot: form.website },
      { ip: c.var.clientIp, baseUrl: deps.config.baseUrl, jobs: deps.jobs },
    )
    if (result.outcome === 'rate-limited') {
      c.status(429)
      return contactPage(c, { values: read.values, errors: {}, message: m.common.rateLimited(result.retryAfterMinutes) })
    }
    return seeOther(c, '/contact', m.contact.thanks)
  })
