// The public addresses of a badge and of the issuer's documents: one definition for pages, e-mail and the toolkit's
// URLs to match (decision 127).

export const badgeVerifyPath = (publicId: string) => `/badges/verify/${publicId}`
export const badgeImagePath = (publicId: string, kind: 'svg' | 'png') => `/badges/${publicId}.${kind}`
export const badgeCredentialPath = (publicId: string) => `/badges/${publicId}/credential.json`
export const STATUS_LIST_PATH = '/badges/status/1'
export const ISSUER_PATH = '/badges/issuer'
export const DIRECTORY_PATH = '/badges'

/** A public id: 22+ url-safe characters (base64url of 16+ random bytes, ≥ 128 bits). */
export const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{22,64}$/
