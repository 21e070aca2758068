import type { Db } from '../../db/client'
import { listAccounts } from '../../db/queries/account-list'
import type { Actor } from '../../domain/policy/roles'
import { assertCan } from '../errors'

export const ACCOUNT_LIST_LIMIT = 200

/** Who has an account: the program team and every school's team, searchable by name or address. */
export async function accountList(db: Db, actor: Actor, search: string | undefined) {
  assertCan(actor, 'accounts.manage')
  return listAccounts(db, { search, limit: ACCOUNT_LIST_LIMIT })
}

export type AccountRow = Awaited<ReturnType<typeof accountList>>[number]
