import { Hono } from 'hono'
import { PASSKEY_FAILURE_MESSAGES } from '../../../domain/auth/passkey-rules'
import { safeNextPath } from '../../../domain/auth/sign-in-rules'
import { relyingPartyOf } from '../../../services/auth/passkey-ceremonies'
import { completeWithNewPasskey, completeWithPasskey, secondStepPage, type PendingSignIn, type StepOutcome } from '../../../services/auth/passkey-step'
import { actorForSession } from '../../../services/auth/sessions'
import type { AppEnv, Ctx } from '../../context'
import { setFlash } from '../../flash'
import { textValues, type FormState } from '../../form'
import { PasskeyStepPage } from '../../views/auth/passkey-step-pages'
import { homeFor } from './sign-in'
import { PasskeyAnswer } from './passkey-answer'

// The second step after the e-mailed link (decision 160). Only these pages and sign-out see a pending session.

const nextOf = (raw: unknown) => safeNextPath(typeof raw === 'string' ? raw : undefined) ?? undefined

/** Where a finished sign-in goes: the page asked for, else the person's home. */
async function onward(c: Ctx, next: string | undefined) {
  const actor = await actorForSession(c.var.db, c.var.sessionToken)
  setFlash(c, { kind: 'success', message: 'You are signed in.' })
  return c.redirect(next ?? homeFor(actor), 303)
}

async function stepPage(c: Ctx, pending: PendingSignIn, next: string | undefined, form: FormState = { values: {}, errors: {} }) {
  c.header('Cache-Control', 'private, no-store')
  const page = await secondStepPage(c.var.db, relyingPartyOf(c.var.deps.config.baseUrl), pending, c.var.sessionToken!)
  if (page.step === 'none') return onward(c, next)
  return c.render(<PasskeyStepPage page={page} email={pending.email} next={next} form={form} />, { title: page.step === 'use' ? 'Use your passkey' : 'Add a passkey' })
}

/** Both answers (a passkey used, a first passkey added) are read, checked and answered the same way. */
const finish = (complete: (c: Ctx, pending: PendingSignIn, response: unknown, nickname: string | undefined) => Promise<StepOutcome>) => async (c: Ctx) => {
  const values = textValues(await c.req.parseBody())
  const next = nextOf(values.next)
  const pending = c.var.pendingSignIn
  if (!pending) return c.var.actor.kind === 'user' ? c.redirect(next ?? homeFor(c.var.actor), 303) : c.redirect('/sign-in', 303)
  const answer = PasskeyAnswer.safeParse(values)
  const outcome = answer.success ? await complete(c, pending, answer.data.response, answer.data.nickname) : { ok: false as const, reason: 'not-verified' as const }
  if (outcome.ok) return onward(c, next)
  c.status(422)
  return stepPage(c, pending, next, { values: { nickname: values.nickname ?? '' }, errors: {}, message: PASSKEY_FAILURE_MESSAGES[outcome.reason] })
}

const stepCtx = (c: Ctx, pending: PendingSignIn) => ({
  db: c.var.db,
  rp: relyingPartyOf(c.var.deps.config.baseUrl),
  pending,
  sessionToken: c.var.sessionToken!,
  ip: c.var.clientIp,
})

export const passkeyStepRoutes = new Hono<AppEnv>()
  .get('/sign-in/passkey', async (c) => {
    const next = nextOf(c.req.query('next'))
    if (c.var.actor.kind === 'user') return c.redirect(next ?? homeFor(c.var.actor), 303)
    if (!c.var.pendingSignIn) return c.redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in', 303)
    return stepPage(c, c.var.pendingSignIn, next)
  })
  .post('/sign-in/passkey', finish((c, pending, response) => completeWithPasskey(stepCtx(c, pending), response)))
  .post('/sign-in/passkey/register', finish((c, pending, response, nickname) => completeWithNewPasskey(stepCtx(c, pending), response, nickname)))

