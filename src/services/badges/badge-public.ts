import type { Db } from '../../db/client'
import { badgeArtefact, findBadgeByPublicId, revocationStamp, revokedStatusIndices } from '../../db/queries/issued-badges'
import { badgeStatus, type BadgeStatus } from '../../domain/badges/badge-status'
import type { Discipline } from '../../domain/school/school-facts'
import type { SignedCredential } from './credentials/contract'
import type { BadgeIssuerSource } from './badge-issuer'
import { badgeToolkit } from './badge-toolkit'
import { PUBLIC_ID_PATTERN } from './badge-links'
import { cycleYearOf } from './badge-issue'

// What anyone may see of a badge, without signing in: who holds it, for which cycle, its dates and status.
// Never a score (a badge has none) and never the internal reason for a revocation.

export type PublicBadge = {
  publicId: string
  schoolName: string
  discipline: Discipline
  cycleTitle: string
  cycleYear: number
  validFrom: Date
  validUntil: Date
  issuedAt: Date
  status: BadgeStatus
}

export async function publicBadge(db: Db, publicId: string, now: Date): Promise<PublicBadge | null> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null
  const row = await findBadgeByPublicId(db, publicId)
  if (!row) return null
  return {
    publicId: row.publicId,
    schoolName: row.schoolName,
    discipline: row.discipline,
    cycleTitle: row.cycleTitle,
    cycleYear: cycleYearOf(row.cycleOpensAt),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    issuedAt: row.issuedAt,
    status: badgeStatus(row, now),
  }
}

export type BadgeDownload = { body: string | Buffer; contentType: string; filename: string; version: number }

const DOWNLOADS = {
  svg: { contentType: 'image/svg+xml; charset=utf-8', name: 'badge.svg' },
  png: { contentType: 'image/png', name: 'badge.png' },
  credential: { contentType: 'application/ld+json; charset=utf-8', name: 'credential.json' },
} as const

/** A stored image or credential as issued (a revoked badge's files are still served; its page says revoked). */
export async function badgeDownload(db: Db, publicId: string, kind: keyof typeof DOWNLOADS): Promise<BadgeDownload | null> {
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null
  const row = await badgeArtefact(db, publicId, kind)
  if (!row) return null
  const body = kind === 'png' ? Buffer.from(row.value as Uint8Array) : kind === 'svg' ? (row.value as string) : `${JSON.stringify(row.value, null, 2)}\n`
  return { body, contentType: DOWNLOADS[kind].contentType, filename: `smm-${publicId}-${DOWNLOADS[kind].name}`, version: row.imageVersion }
}

/**
 * The signed status list, rebuilt only when the set of revoked badges changes: the cache key is read from the
 * database (count and newest revocation), so a revocation on any web instance busts every instance's copy.
 */
const statusListCache = new WeakMap<BadgeIssuerSource, { stamp: string; credential: SignedCredential }>()

export async function statusListCredential(db: Db, issuerSource: BadgeIssuerSource, now = new Date()): Promise<{ credential: SignedCredential; etag: string }> {
  const stamp = await revocationStamp(db)
  const cached = statusListCache.get(issuerSource)
  if (cached?.stamp === stamp) return { credential: cached.credential, etag: etagOf(stamp) }
  const credential = await (await badgeToolkit()).statusListCredential(await revokedStatusIndices(db), await issuerSource(), now)
  statusListCache.set(issuerSource, { stamp, credential })
  return { credential, etag: etagOf(stamp) }
}

const etagOf = (stamp: string) => `"status-${Buffer.from(stamp).toString('base64url')}"`

export async function issuerProfile(issuerSource: BadgeIssuerSource) {
  return (await badgeToolkit()).issuerProfile(await issuerSource())
}

export async function issuerVerificationMethod(issuerSource: BadgeIssuerSource) {
  return (await badgeToolkit()).verificationMethodDocument(await issuerSource())
}
