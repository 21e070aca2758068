import { Hono } from 'hono'
import { z } from 'zod'
import { accountList } from '../../../services/admin/account-list'
import { accountDetail, changeAccountProgramRole, disableAccount, enableAccount, signOutEverywhere } from '../../../services/admin/account-admin'
import { passkeyRequirement, removeAccountPasskeys, setPasskeyRequirement } from '../../../services/admin/passkey-requirement'
import type { AppEnv, Ctx } from '../../context'
import { seeOther } from '../../flash'
import { textValues, type FormState } from '../../form'
import { AccountListPage } from '../../views/admin/account-list-page'
import { AccountPage } from '../../views/admin/account-page'
import { requestedPage } from '../../../domain/paging/page-slice'

// Mounted at /admin/accounts: the list, one account, and the changes the program team makes to it.

const Role = z.object({ role: z.enum(['none', 'analyst', 'admin'], { error: 'Choose a role.' }) })
const Reason = z.object({ reason: z.string().trim().min(10, 'Say why in a few words (at least 10 characters).').max(500, 'Keep the reason under 500 characters.') })

async function page(c: Ctx, userId: string, form: FormState = { values: {}, errors: {} }) {
  const detail = await accountDetail(c.var.db, c.var.actor, userId)
  return c.render(<AccountPage detail={detail} form={form} />, { title: `Account: ${detail.account.email}` })
}

const refused = (c: Ctx, userId: string, field: string, message: string, values: Record<string, string> = {}) => {
  c.status(422)
  return page(c, userId, { values, errors: { [field]: [message] } })
}

const accountId = (c: Ctx) => z.uuid().safeParse(c.req.param('userId'))

export const adminAccountRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const search = (c.req.query('q') ?? '').trim().slice(0, 200)
    const listing = await accountList(c.var.db, c.var.actor, search || undefined, requestedPage(c.req.query('page')))
    const passkeysRequired = await passkeyRequirement(c.var.db, c.var.actor)
    return c.render(<AccountListPage listing={listing} search={search} passkeysRequired={passkeysRequired} />, { title: 'Accounts' })
  })
  .post('/passkey-requirement', async (c) => {
    // Only the two known answers change anything; anything else is a tampered form and changes nothing.
    const { required } = textValues(await c.req.parseBody())
    if (required !== 'yes' && required !== 'no') return seeOther(c, '/admin/accounts')
    await setPasskeyRequirement({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, required === 'yes')
    return seeOther(c, '/admin/accounts', required === 'yes' ? 'Passkeys are now required for program roles, from each person’s next sign-in.' : 'Passkeys are no longer required for program roles.')
  })
  .get('/:userId', async (c) => {
    const id = accountId(c)
    return id.success ? page(c, id.data) : c.notFound()
  })
  .post('/:userId/role', async (c) => {
    const id = accountId(c)
    if (!id.success) return c.notFound()
    const values = textValues(await c.req.parseBody())
    const form = Role.safeParse(values)
    if (!form.success) return refused(c, id.data, 'role', 'Choose a role.', values)
    const to = form.data.role === 'none' ? null : form.data.role
    const result = await changeAccountProgramRole({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, id.data, to)
    if (!result.ok) return refused(c, id.data, 'role', result.message, values)
    return seeOther(c, `/admin/accounts/${id.data}`, 'Program role changed.')
  })
  .post('/:userId/disable', async (c) => {
    const id = accountId(c)
    if (!id.success) return c.notFound()
    const values = textValues(await c.req.parseBody())
    const form = Reason.safeParse(values)
    if (!form.success) return refused(c, id.data, 'reason', z.flattenError(form.error).fieldErrors.reason?.[0] ?? 'Say why.', values)
    const result = await disableAccount({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, id.data, form.data.reason)
    if (!result.ok) return refused(c, id.data, 'reason', result.message, values)
    return seeOther(c, `/admin/accounts/${id.data}`, 'Account disabled and signed out everywhere.')
  })
  .post('/:userId/enable', async (c) => {
    const id = accountId(c)
    if (!id.success) return c.notFound()
    const result = await enableAccount({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, id.data)
    if (!result.ok) return refused(c, id.data, 'reason', result.message)
    return seeOther(c, `/admin/accounts/${id.data}`, 'Account enabled.')
  })
  .post('/:userId/passkeys/remove', async (c) => {
    const id = accountId(c)
    if (!id.success) return c.notFound()
    const removed = await removeAccountPasskeys({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, id.data)
    return seeOther(c, `/admin/accounts/${id.data}`, removed === 0 ? 'This account had no passkey.' : `${removed === 1 ? 'Its passkey was' : `Its ${removed} passkeys were`} removed.`)
  })
  .post('/:userId/sign-out-everywhere', async (c) => {
    const id = accountId(c)
    if (!id.success) return c.notFound()
    await signOutEverywhere({ db: c.var.db, actor: c.var.actor, ip: c.var.clientIp }, id.data)
    return seeOther(c, `/admin/accounts/${id.data}`, 'Signed out everywhere.')
  })
