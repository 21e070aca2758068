import { Hono } from 'hono'
import { z } from 'zod'
import { issuableCount, startIssueAll } from '../../../services/badges/badge-issue'
import { reissueBadgeImage } from '../../../services/badges/badge-reissue'
import { manageableBadge, revokeBadge } from '../../../services/badges/badge-revoke'
import { flagInauguralSupporter, issuedBadgesConsole, removeInauguralSupporter, supportersConsole } from '../../../services/badges/badge-settings'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { emptyForm, textValues, type FormState } from '../../form'
import { ISSUED_PATH, IssueAllPage, IssuedBadgesPage, ReissueBadgePage, RevokeBadgePage, issueAllPath } from '../../views/admin/badge-issuing-pages'
import { SupportersPage } from '../../views/admin/badge-supporters-page'
import { requestedPage } from '../../../domain/paging/page-slice'

// Mounted at /admin/badges: issued badges (list, issue all, revoke, reissue) and Inaugural Supporters. The orders
// console lives beside it in its own file.

const Id = z.uuid()
const idOf = (c: Ctx, name: string) => {
  const parsed = Id.safeParse(c.req.param(name))
  return parsed.success ? parsed.data : null
}

async function revokePage(c: Ctx, badgeId: string, form: FormState) {
  const badge = await manageableBadge(c.var.db, c.var.actor, badgeId)
  return c.render(<RevokeBadgePage badge={badge} form={form} />, { title: `Revoke the badge of ${badge.schoolName}` })
}

async function supportersPage(c: Ctx, form: FormState) {
  const data = await supportersConsole(c.var.db, c.var.actor)
  return c.render(<SupportersPage data={data} form={form} />, { title: 'Inaugural Supporters' })
}

export const adminBadgeIssuingRoutes = new Hono<AppEnv>()
  .get('/issued', async (c) => {
    const data = await issuedBadgesConsole(c.var.db, c.var.actor, new Date(), requestedPage(c.req.query('page')))
    return c.render(<IssuedBadgesPage {...data} />, { title: 'Issued badges' })
  })
  .get('/cycles/:cycleId/issue-all', async (c) => {
    const cycleId = idOf(c, 'cycleId')
    if (!cycleId) return c.notFound()
    const facts = await issuableCount(c.var.db, c.var.actor, cycleId)
    return c.render(<IssueAllPage {...facts} />, { title: `Issue the badges of ${facts.cycleTitle}` })
  })
  .post('/cycles/:cycleId/issue-all', async (c) => {
    const cycleId = idOf(c, 'cycleId')
    if (!cycleId) return c.notFound()
    const { count } = await startIssueAll(c.var.db, c.var.deps.jobs, c.var.actor, cycleId, c.var.clientIp)
    return seeOther(c, issueAllPath(cycleId), `Issuing ${count} ${count === 1 ? 'badge' : 'badges'} in the background.`)
  })
  .get('/issued/:id/revoke', async (c) => {
    const id = idOf(c, 'id')
    return id ? revokePage(c, id, emptyForm) : c.notFound()
  })
  .post('/issued/:id/revoke', async (c) => {
    const id = idOf(c, 'id')
    if (!id) return c.notFound()
    const raw = (await c.req.parseBody()).reason
    const reason = typeof raw === 'string' ? raw.slice(0, 5000) : ''
    const done = await revokeBadge(c.var.db, c.var.actor, id, reason, c.var.clientIp)
    if (!done.ok) {
      c.status(422)
      return revokePage(c, id, { values: { reason }, errors: done.errors })
    }
    return seeOther(c, ISSUED_PATH, `The badge of ${done.schoolName} is revoked.`)
  })
  .get('/issued/:id/reissue', async (c) => {
    const id = idOf(c, 'id')
    if (!id) return c.notFound()
    const badge = await manageableBadge(c.var.db, c.var.actor, id)
    return c.render(<ReissueBadgePage badge={badge} />, { title: `Reissue the image of ${badge.schoolName}’s badge` })
  })
  .post('/issued/:id/reissue', async (c) => {
    const id = idOf(c, 'id')
    if (!id) return c.notFound()
    const done = await reissueBadgeImage(c.var.db, c.var.deps.jobs, await c.var.deps.badgeIssuer(), c.var.actor, id, c.var.clientIp)
    return seeOther(c, ISSUED_PATH, `The badge of ${done.schoolName} has a new image (version ${done.imageVersion}); its leaders are e-mailed.`)
  })
  .get('/supporters', (c) => supportersPage(c, emptyForm))
  .post('/supporters', async (c) => {
    const values = textValues(await c.req.parseBody())
    const input = { schoolId: values.schoolId ?? '', year: values.year ?? '', note: (values.note ?? '').slice(0, 5000) }
    const done = await flagInauguralSupporter(c.var.db, c.var.actor, input, c.var.clientIp)
    if (!done.ok) {
      c.status(422)
      return supportersPage(c, { values: input, errors: done.errors })
    }
    return seeOther(c, '/admin/badges/supporters', `${done.schoolName} is an Inaugural Supporter.`)
  })
  .post('/supporters/:schoolId/remove', async (c) => {
    const schoolId = idOf(c, 'schoolId')
    if (!schoolId) return c.notFound()
    const done = await removeInauguralSupporter(c.var.db, c.var.actor, schoolId, c.var.clientIp)
    return seeOther(c, '/admin/badges/supporters', `${done.schoolName} is no longer listed as an Inaugural Supporter.`)
  })
