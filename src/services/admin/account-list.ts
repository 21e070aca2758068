import type { Db } from '../../db/client'
import { listAccounts } from '../../db/queries/account-list'
import { passkeyCounts } from '../../db/queries/passkeys'
import type { Actor } from '../../domain/policy/roles'
import { assertCan } from '../errors'

export const ACCOUNT_LIST_LIMIT = 200

/** Who has an account: the program team and every school's team, searchable by name or address. */
export async function accountList(db: Db, actor: Actor, search: string | undefined) {
  assertCan(actor, 'accounts.manage')
  const accounts = await listAccounts(db, { search, limit: ACCOUNT_LIST_LIMIT })
  const passkeys = await passkeyCounts(db, accounts.map((a) => a.id))
  return accounts.map((a) => ({ ...a, passkeys: passkeys.get(a.id) ?? 0 }))
}

export type AccountRow = Awaited<ReturnType<typeof accountList>>[number]
