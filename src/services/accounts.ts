import type { Db } from '../db/client'
import { findUserByEmail, insertUser, setProgramRole } from '../db/queries/accounts'
import { normalizeEmail } from '../domain/auth/sign-in-rules'
import type { Actor, ProgramRole } from '../domain/policy/roles'
import { recordAudit } from './audit'

/**
 * Gives an address a program role, creating the account if needed. Used by `smm admin create` and the demo
 * seed, whose actor is the operator at the console rather than a signed-in person.
 */
export async function grantProgramRole(db: Db, actor: Actor, email: string, role: ProgramRole, name?: string) {
  const address = normalizeEmail(email)
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, address)
    const user = existing ?? (await insertUser(tx, { email: address, name: name ?? null }))
    if (!user) throw new Error(`Could not create an account for ${address}`)
    if (user.programRole !== role) {
      await setProgramRole(tx, user.id, role)
      await recordAudit(tx, actor, 'account.program-role-granted', { subject: address, details: { role } })
    }
    return { userId: user.id, email: address, created: !existing }
  })
}
