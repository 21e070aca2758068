import { Hono } from 'hono'
import { PASSKEY_FAILURE_MESSAGES } from '../../../domain/auth/passkey-rules'
import { isSignedIn } from '../../../domain/policy/policy'
import { addPasskey, newPasskeyOptions, ownPasskey, removeOwnPasskey, yourAccount } from '../../../services/auth/account-passkeys'
import { relyingPartyOf } from '../../../services/auth/passkey-ceremonies'
import { signInRequired } from '../../../services/errors'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { NewPasskeyPage, RemovePasskeyPage, YourAccountPage } from '../../views/account/your-account-pages'
import { PasskeyAnswer } from '../auth/passkey-answer'

// Mounted at /account: the signed-in person's own account and passkeys (decision 160).

const noForm: FormState = { values: {}, errors: {} }
const rpOf = (c: Ctx) => relyingPartyOf(c.var.deps.config.baseUrl)
const signedIn = (c: Ctx) => (isSignedIn(c.var.actor) ? c.var.actor : signInRequired())
const passkeyId = (c: Ctx) => c.req.param('passkeyId') ?? ''

async function newPasskeyPage(c: Ctx, form: FormState = noForm) {
  c.header('Cache-Control', 'private, no-store')
  const options = await newPasskeyOptions(c.var.db, rpOf(c), c.var.actor, c.var.sessionToken!)
  return c.render(<NewPasskeyPage options={options} form={form} />, { title: 'Add a passkey' })
}

async function removePage(c: Ctx, form: FormState = noForm) {
  const passkey = await ownPasskey(c.var.db, c.var.actor, passkeyId(c))
  return c.render(<RemovePasskeyPage passkey={passkey} form={form} />, { title: `Remove the passkey ${passkey.nickname}` })
}

export const yourAccountRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.header('Cache-Control', 'private, no-store')
    await next()
  })
  .get('/', async (c) => {
    const user = signedIn(c)
    return c.render(<YourAccountPage user={user} account={await yourAccount(c.var.db, user)} form={noForm} />, { title: 'Your account' })
  })
  .get('/passkeys/new', (c) => newPasskeyPage(c))
  .post('/passkeys', async (c) => {
    const values = textValues(await c.req.parseBody())
    const answer = PasskeyAnswer.safeParse(values)
    const ctx = { db: c.var.db, actor: c.var.actor, ip: c.var.clientIp, rp: rpOf(c), sessionToken: c.var.sessionToken ?? '' }
    const outcome = answer.success ? await addPasskey(ctx, answer.data.response, answer.data.nickname) : { ok: false as const, reason: 'not-verified' as const }
    if (outcome.ok) return seeOther(c, '/account', 'Passkey added. You will be asked for it each time you sign in.')
    c.status(422)
    return newPasskeyPage(c, { values: { nickname: values.nickname ?? '' }, errors: {}, message: PASSKEY_FAILURE_MESSAGES[outcome.reason] })
  })
  .get('/passkeys/:passkeyId/remove', (c) => removePage(c))
  .post('/passkeys/:passkeyId/remove', async (c) => {
    const result = await removeOwnPasskey({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, passkeyId(c))
    if (result.ok) return seeOther(c, '/account', `Passkey “${result.nickname}” removed.`)
    c.status(422)
    return removePage(c, { values: {}, errors: {}, message: result.message })
  })
