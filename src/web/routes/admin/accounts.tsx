import { Hono } from 'hono'
import { accountList } from '../../../services/admin/account-list'
import type { AppEnv } from '../../context'
import { AccountListPage } from '../../views/admin/account-list-page'

export const adminAccountRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const search = (c.req.query('q') ?? '').trim().slice(0, 200)
  const accounts = await accountList(c.var.db, c.var.actor, search || undefined)
  return c.render(<AccountListPage accounts={accounts} search={search} />, { title: 'Accounts' })
})
