import type { ProgramRole } from '../policy/roles'

// When a passkey is owed after the e-mailed link, and when one may be removed, kept free of I/O (decision 160).

/** A challenge is answered within minutes or not at all; the browser's own prompt times out after one. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000
export const PASSKEY_CEREMONY_TIMEOUT_MS = 60_000
export const MAX_PASSKEY_NICKNAME = 60

/** What a person still owes after the link: nothing, their passkey, or a first passkey because admins require one. */
export type SecondStep = 'none' | 'use' | 'register'

export type SecondStepFacts = { programRole: ProgramRole | null; passkeys: number; required: boolean }

/**
 * Only program staff see every school's data, so only they are asked; a school's team signs in by link alone.
 * Someone who added a passkey always uses it, required or not: otherwise a stolen mailbox would still be enough.
 */
export function secondStepFor(facts: SecondStepFacts): SecondStep {
  if (facts.programRole === null) return 'none'
  if (facts.passkeys > 0) return 'use'
  return facts.required ? 'register' : 'none'
}

export type PasskeyRemoval = { ok: true } | { ok: false; message: string }

/** The last passkey stays while admins require one of program staff: removing it would only force a new one. */
export function checkPasskeyRemoval(facts: SecondStepFacts): PasskeyRemoval {
  if (facts.required && facts.programRole !== null && facts.passkeys <= 1) {
    return { ok: false, message: 'The program requires a passkey for program staff: add another passkey before you remove this one.' }
  }
  return { ok: true }
}

/** A name the person recognises in their list ("Work laptop"); blank gets a dated default. */
export function passkeyNickname(typed: string | undefined, now: Date): string {
  const trimmed = (typed ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_PASSKEY_NICKNAME)
  return trimmed || `Passkey added ${now.toISOString().slice(0, 10)}`
}

/** Why a passkey answer was refused, as the person is told it (the audit keeps the reason's code). */
export type PasskeyFailure = 'expired' | 'unknown-passkey' | 'wrong-site' | 'counter' | 'not-verified' | 'already-registered'

export const PASSKEY_FAILURE_MESSAGES: Record<PasskeyFailure, string> = {
  expired: 'That passkey request expired or was already used. Try again.',
  'unknown-passkey': 'That passkey is not one of the passkeys on your account. Try another passkey.',
  'wrong-site': 'That passkey answer was made for another website, so it was refused. Open this site from its usual address and try again.',
  counter:
    'That passkey reported fewer uses than it had before, which can mean it was copied. It was refused: use another passkey, or ask the program team to remove it.',
  'not-verified': 'We could not verify that passkey. Try again, or use another passkey.',
  'already-registered': 'That passkey is already registered.',
}
