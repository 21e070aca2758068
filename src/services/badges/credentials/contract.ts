/**
 * The contract between the badge program (orders, issuing, pages) and the credential toolkit (image, Open Badges 3.0
 * credential, signing, status list, baking). The toolkit's `index.ts` implements these; the program only calls them.
 */
import type { CredentialFacts } from '../../../domain/badges/open-badge-credential'

/**
 * What a badge states: school, discipline, cycle, validity, status bit. Deliberately nothing about scores: the
 * type has no room for one. Defined in the domain, where the credential JSON is built from it.
 */
export type BadgeFacts = CredentialFacts

/** The issuer: the program, identified by a did:web-style or URL id derived from the public base URL. */
export interface BadgeIssuer {
  /** The app's public base URL without a trailing slash, e.g. https://socialmissionmetrics.org */
  baseUrl: string
  signingKey: BadgeSigningKey
}

/** An Ed25519 key pair in Multikey form (multibase `z…`), as `@digitalbazaar/ed25519-multikey` exports it. */
export interface BadgeSigningKey {
  /** The verification method id, e.g. `${issuerId}#key-1`. */
  id: string
  controller: string
  publicKeyMultibase: string
  secretKeyMultibase: string
}

/** A signed W3C Verifiable Credential as JSON (an OpenBadgeCredential or a BitstringStatusListCredential). */
export type SignedCredential = Record<string, unknown> & { id: string; proof: Record<string, unknown> }

export interface BadgeArtefacts {
  credential: SignedCredential
  /** The SVG image with the credential baked in (`openbadges:credential`). */
  svg: string
  /** The PNG image with the credential baked in (iTXt chunk `openbadgecredential`). */
  png: Buffer
}

export interface CredentialToolkit {
  /** Reads `BADGE_SIGNING_KEY` (a JSON Multikey) from config, else creates a dev key once in `${dataDir}/badge-signing-key.json`. */
  loadSigningKey(options: { baseUrl: string; dataDir: string; configuredKey?: string }): Promise<BadgeSigningKey>
  /** Builds, signs and bakes one badge. */
  issueBadge(facts: BadgeFacts, issuer: BadgeIssuer): Promise<BadgeArtefacts>
  /** The signed BitstringStatusListCredential served at `${baseUrl}/badges/status/1` with these indices set (revoked). */
  statusListCredential(revokedIndices: number[], issuer: BadgeIssuer, validFrom: Date): Promise<SignedCredential>
  /** The issuer profile (Open Badges Profile + the public key) served at the issuer id URL. */
  issuerProfile(issuer: BadgeIssuer): Record<string, unknown>
  /** The controller document / verification method served so verifiers can resolve the key id. */
  verificationMethodDocument(issuer: BadgeIssuer): Record<string, unknown>
  /** Pulls the baked credential back out of an image (PNG iTXt or SVG element); null when none. */
  extractFromPng(png: Buffer): SignedCredential | null
  extractFromSvg(svg: string): SignedCredential | null
  /** The embed snippet a school pastes on its website: image + link to the verification page, escaped. */
  embedHtml(facts: Pick<BadgeFacts, 'publicId' | 'schoolName' | 'cycleYear'>, baseUrl: string): string
}
