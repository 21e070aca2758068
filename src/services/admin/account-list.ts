import type { Db } from '../../db/client'
import { countAccounts, listAccounts } from '../../db/queries/account-list'
import { passkeyCounts } from '../../db/queries/passkeys'
import { pageSlice } from '../../domain/paging/page-slice'
import type { Actor } from '../../domain/policy/roles'
import { assertCan } from '../errors'

/** Who has an account: the program team and every school's team, searchable by name or address, a page at a time. */
export async function accountList(db: Db, actor: Actor, search: string | undefined, page: number) {
  assertCan(actor, 'accounts.manage')
  const slice = pageSlice(page, await countAccounts(db, { search }))
  const accounts = await listAccounts(db, { search }, slice)
  const passkeys = await passkeyCounts(db, accounts.map((a) => a.id))
  return { accounts: accounts.map((a) => ({ ...a, passkeys: passkeys.get(a.id) ?? 0 })), slice }
}

export type AccountListing = Awaited<ReturnType<typeof accountList>>
export type AccountRow = AccountListing['accounts'][number]
