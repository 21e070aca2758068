import type { ProgramRole } from '../policy/roles'

// What the program team may do to an account, kept free of I/O. The one rule that matters: the program never
// loses its last admin, and nobody locks themselves out by mistake.

export type AccountFacts = { id: string; programRole: ProgramRole | null; disabled: boolean }
export type AccountChange = { ok: true } | { ok: false; message: string }

export function checkProgramRoleChange(actorId: string, target: AccountFacts, to: ProgramRole | null, enabledAdmins: number): AccountChange {
  if (target.programRole === to) return { ok: false, message: 'That is already their role.' }
  if (target.programRole === 'admin' && to !== 'admin') {
    if (target.id === actorId) return { ok: false, message: 'You cannot remove your own admin role; ask another admin.' }
    if (!target.disabled && enabledAdmins <= 1) return { ok: false, message: 'The program needs at least one admin: make someone else admin first.' }
  }
  return { ok: true }
}

export function checkDisable(actorId: string, target: AccountFacts, enabledAdmins: number): AccountChange {
  if (target.disabled) return { ok: false, message: 'This account is already disabled.' }
  if (target.id === actorId) return { ok: false, message: 'You cannot disable your own account.' }
  if (target.programRole === 'admin' && enabledAdmins <= 1) return { ok: false, message: 'The program needs at least one admin: make someone else admin first.' }
  return { ok: true }
}
