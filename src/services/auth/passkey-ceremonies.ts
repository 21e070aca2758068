import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server'
import type { Db } from '../../db/client'
import { findPasskeyOf, listPasskeys, recordPasskeyUse, replaceChallenge, takeChallenge } from '../../db/queries/passkeys'
import { PASSKEY_CEREMONY_TIMEOUT_MS, PASSKEY_CHALLENGE_TTL_MS, type PasskeyFailure } from '../../domain/auth/passkey-rules'
import { hashToken } from './tokens'

// The two WebAuthn ceremonies, done by @simplewebauthn/server: options with a challenge kept server-side for the
// browser session, then the browser's answer verified against that challenge, our origin and RP id (decision 161).
// The library and its X.509/ASN.1 dependencies are a seventh of the server bundle and only passkey pages use them:
// loaded at the first ceremony, not at every start (decision 175).
const webauthn = () => import('@simplewebauthn/server')

/** Who the passkeys belong to: the site at PUBLIC_URL. Its origin and host name are checked in every answer. */
export type RelyingParty = { id: string; origin: string; name: string }
export const relyingPartyOf = (baseUrl: string): RelyingParty => {
  const url = new URL(baseUrl)
  return { id: url.hostname, origin: url.origin, name: 'Social Mission Metrics' }
}

export type CeremonyFailure = { ok: false; reason: PasskeyFailure }
export type NewPasskey = { id: string; publicKey: string; counter: number; transports: string[] }

/** ES256, EdDSA, RS256: what authenticators make. Named, so the library does not probe for post-quantum ones. */
const ALGORITHMS = [-7, -8, -257]

type Person = { userId: string; email: string; name: string | null }

export async function registrationOptions(db: Db, rp: RelyingParty, sessionToken: string, who: Person, now: Date): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await listPasskeys(db, who.userId)
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: who.email,
    userDisplayName: who.name ?? who.email,
    userID: new TextEncoder().encode(who.userId), // stable, so a second passkey on one authenticator replaces, not doubles
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    supportedAlgorithmIDs: ALGORITHMS,
  })
  await replaceChallenge(db, hashToken(sessionToken), 'register', options.challenge, now, new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS))
  return options
}

export async function authenticationOptions(db: Db, rp: RelyingParty, sessionToken: string, userId: string, now: Date): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const existing = await listPasskeys(db, userId)
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
    userVerification: 'preferred',
  })
  await replaceChallenge(db, hashToken(sessionToken), 'authenticate', options.challenge, now, new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS))
  return options
}

/** Checks a new credential against the session's open challenge (used up either way). */
export async function verifyNewPasskey(db: Db, rp: RelyingParty, sessionToken: string, response: unknown, now: Date): Promise<{ ok: true; passkey: NewPasskey } | CeremonyFailure> {
  const challenge = await takeChallenge(db, hashToken(sessionToken), 'register', now)
  if (!challenge) return { ok: false, reason: 'expired' }
  return refusedOnThrow(async () => {
    const result = await (await webauthn()).verifyRegistrationResponse({ response: response as RegistrationResponseJSON, ...expected(rp, challenge), supportedAlgorithmIDs: ALGORITHMS })
    if (!result.verified) return { ok: false, reason: 'not-verified' }
    const { credential } = result.registrationInfo
    const transports = (response as RegistrationResponseJSON).response.transports ?? []
    return { ok: true, passkey: { id: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), counter: credential.counter, transports } }
  })
}

/**
 * Checks a passkey answer: the session's open challenge (used up either way), a passkey of this person, the
 * signature, our origin and RP id, and a counter that moved forward (stored in the same step).
 */
export async function verifyPasskeyAnswer(db: Db, rp: RelyingParty, sessionToken: string, userId: string, response: unknown, now: Date): Promise<{ ok: true; passkeyId: string; nickname: string } | CeremonyFailure> {
  const challenge = await takeChallenge(db, hashToken(sessionToken), 'authenticate', now)
  if (!challenge) return { ok: false, reason: 'expired' }
  const id = typeof response === 'object' && response !== null && 'id' in response && typeof response.id === 'string' ? response.id : ''
  const passkey = id ? await findPasskeyOf(db, userId, id) : undefined
  if (!passkey) return { ok: false, reason: 'unknown-passkey' }
  return refusedOnThrow(async () => {
    const result = await (await webauthn()).verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      ...expected(rp, challenge),
      credential: { id: passkey.id, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.counter, transports: passkey.transports },
    })
    if (!result.verified) return { ok: false, reason: 'not-verified' }
    // Two answers racing past the library's check: only the one that moves the stored counter forward counts.
    if (!(await recordPasskeyUse(db, passkey.id, result.authenticationInfo.newCounter, now))) return { ok: false, reason: 'counter' }
    return { ok: true, passkeyId: passkey.id, nickname: passkey.nickname }
  })
}

/** What every answer must match: the session's challenge, our origin and our RP id. */
const expected = (rp: RelyingParty, challenge: string) => ({
  expectedChallenge: challenge,
  expectedOrigin: rp.origin,
  expectedRPID: rp.id,
  requireUserVerification: false, // preferred, not required: a security key without a PIN still proves possession
})

/** The library refuses by throwing; a refusal is an answer for the person, never a 5xx. */
async function refusedOnThrow<T>(verify: () => Promise<T | CeremonyFailure>): Promise<T | CeremonyFailure> {
  try {
    return await verify()
  } catch (error) {
    return { ok: false, reason: failureOf(error) }
  }
}

/** The library says what failed only in its error's words; these are the ones a person can act on. */
function failureOf(error: unknown): PasskeyFailure {
  const message = error instanceof Error ? error.message : ''
  if (/origin|RP ID/i.test(message)) return 'wrong-site'
  if (/counter/i.test(message)) return 'counter'
  if (/challenge/i.test(message)) return 'expired'
  return 'not-verified'
}
