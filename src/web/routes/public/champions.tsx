import { Hono } from 'hono'
import { submitNomination } from '../../../services/inbox/public-submissions'
import { publicChampions } from '../../../services/public/champions'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import type { FormState } from '../../form'
import { readForm } from '../../localized-form'
import { messagesFor } from '../../i18n/messages'
import { ChampionsPage, NominatePage } from '../../views/public/champion-pages'
import { nominationForm } from './public-form-schemas'

const nominatePage = (c: Ctx, form: FormState) => {
  const m = messagesFor(c)
  return c.render(<NominatePage m={m} form={form} />, { title: m.nominate.title, description: m.nominate.description })
}

export const championRoutes = new Hono<AppEnv>()
  .get('/champions', async (c) => {
    const m = messagesFor(c)
    return c.render(<ChampionsPage m={m} champions={await publicChampions(c.var.db)} />, { title: m.champions.title, description: m.champions.description })
  })
  .get('/champions/nominate', (c) => nominatePage(c, { values: {}, errors: {} }))
  .post('/champions/nominate', async (c) => {
    const m = messagesFor(c)
    const read = await readForm(c, nominationForm(m))
    if (!read.ok) {
      c.status(422)
      return nominatePage(c, read.form)
    }
    const form = read.data
    const { deps } = c.var
    const result = await submitNomination(
      deps.db,
      {
        nomineeName: form.nomineeName,
        nomineeRole: form.nomineeRole,
        nomineeInstitution: form.nomineeInstitution,
        achievements: form.achievements,
        nominatorName: form.nominatorName,
        nominatorEmail: form.nominatorEmail,
        consentToFeature: form.consent === 'on',
        honeypot: form.website,
      },
      { ip: c.var.clientIp, baseUrl: deps.config.baseUrl, jobs: deps.jobs },
    )
    if (result.outcome === 'rate-limited') {
      c.status(429)
      return nominatePage(c, { values: read.values, errors: {}, message: m.common.rateLimited(result.retryAfterMinutes) })
    }
    return seeOther(c, '/champions', m.nominate.thanks)
  })
