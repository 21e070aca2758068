import { issuerProfileDocument, verificationMethodDocument } from '../../../domain/badges/issuer-documents'
import type { BadgeIssuer, CredentialToolkit } from './contract'
import { embedHtml } from './embed-html'
import { extractFromPng, extractFromSvg } from './extract-credential'
import { issueBadge } from './issue-badge'
import { loadSigningKey } from './signing-key'
import { statusListCredential } from './status-list'

/**
 * The badge credential toolkit (issue #18): image, Open Badges 3.0 credential, eddsa-rdfc-2022 signature, status
 * list and baking. Offline by construction: no network at sign or verify time (decision 120).
 */
export const credentialToolkit: CredentialToolkit = {
  loadSigningKey,
  issueBadge,
  statusListCredential,
  issuerProfile: (issuer: BadgeIssuer) => issuerProfileDocument(issuer.baseUrl, issuer.signingKey.publicKeyMultibase),
  verificationMethodDocument: (issuer: BadgeIssuer) => verificationMethodDocument(issuer.baseUrl, issuer.signingKey.publicKeyMultibase),
  extractFromPng,
  extractFromSvg,
  embedHtml,
}

export { embedHtml, extractFromPng, extractFromSvg, issueBadge, loadSigningKey, statusListCredential }
export { BadgeFactsError } from './issue-badge'
export { DEV_KEY_FILE, SigningKeyError } from './signing-key'
export { StatusIndexError, STATUS_LIST_LENGTH } from './status-list'
export { SHIPPED_CONTEXTS, offlineDocumentLoader } from './document-loader'
export type * from './contract'
