import { Hono } from 'hono'
import { currentInstrumentOutline } from '../../../services/public/instrument-outline'
import { publicParticipation } from '../../../services/public/participation'
import type { AppEnv } from '../../context'
import { messagesFor } from '../../i18n/messages'
import { AboutPage, AssessmentPage, BadgePage } from '../../views/public/program-pages'
import { ParticipationPage } from '../../views/public/participation-page'

/** The pages that explain the program: about, what it measures, participation in aggregate, the badge. */
export const programPageRoutes = new Hono<AppEnv>()
  .get('/about', (c) => {
    const m = messagesFor(c)
    return c.render(<AboutPage m={m} contactEmail={c.var.deps.config.contactEmail} />, { title: m.about.title, description: m.about.description })
  })
  .get('/assessment', async (c) => {
    const m = messagesFor(c)
    return c.render(<AssessmentPage m={m} outline={await currentInstrumentOutline(c.var.db)} />, { title: m.assessment.title, description: m.assessment.description })
  })
  .get('/participation', async (c) => {
    const m = messagesFor(c)
    const cycles = await publicParticipation(c.var.db)
    return c.render(<ParticipationPage m={m} cycles={cycles} />, { title: m.participation.title, description: m.participation.description })
  })
  .get('/badge', (c) => {
    const m = messagesFor(c)
    return c.render(<BadgePage m={m} />, { title: m.badge.title, description: m.badge.description })
  })
