import { badgeUrls, MULTIKEY_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from './credential-urls'

export const ISSUER_NAME = 'Social Mission Metrics'

/** The issuer as it appears inside every credential: an OB 3.0 Profile, identified by its URL. */
export function issuerSummary(baseUrl: string) {
  return { id: badgeUrls(baseUrl).issuer, type: ['Profile'], name: ISSUER_NAME, url: baseUrl }
}

/** The public half of the signing key as a Multikey verification method (never the secret). */
export function verificationMethod(baseUrl: string, publicKeyMultibase: string) {
  const urls = badgeUrls(baseUrl)
  return { id: urls.verificationMethod, type: 'Multikey', controller: urls.issuer, publicKeyMultibase }
}

/**
 * The document served at the issuer id: the OB 3.0 Profile and, in the same document, the controller document
 * that authorises the key for `assertionMethod` — verifiers resolve `…/badges/issuer#key-1` from here.
 * The two security terms are defined inline (the VC 2.0 and OB contexts leave them undefined at the top level).
 */
export function issuerProfileDocument(baseUrl: string, publicKeyMultibase: string) {
  const key = verificationMethod(baseUrl, publicKeyMultibase)
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, MULTIKEY_CONTEXT, CONTROLLER_TERMS],
    ...issuerSummary(baseUrl),
    description:
      'The Social Mission Metrics program issues badges to health professions schools that complete its ' +
      'Self-Assessment. Badges show commitment to social mission and never represent a score.',
    verificationMethod: [key],
    assertionMethod: [key.id],
  }
}

/** The verification method on its own, with its context, as a document loader hands it to a verifier. */
export function verificationMethodDocument(baseUrl: string, publicKeyMultibase: string) {
  return { '@context': MULTIKEY_CONTEXT, ...verificationMethod(baseUrl, publicKeyMultibase) }
}

const CONTROLLER_TERMS = {
  verificationMethod: { '@id': 'https://w3id.org/security#verificationMethod', '@type': '@id', '@container': '@set' },
  assertionMethod: { '@id': 'https://w3id.org/security#assertionMethod', '@type': '@id', '@container': '@set' },
}
