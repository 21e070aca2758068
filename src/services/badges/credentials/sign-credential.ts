import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import { issuerProfileDocument, verificationMethodDocument } from '../../../domain/badges/issuer-documents'
import type { BadgeIssuer, SignedCredential } from './contract'
import { offlineDocumentLoader, type DocumentLoader } from './document-loader'

/**
 * Signs a credential with a Data Integrity proof, cryptosuite eddsa-rdfc-2022. The signer's key pair and document
 * loader are built once per issuer and reused: 300 badges in one job should not re-import the key 300 times.
 */
export async function signCredential(credential: Record<string, unknown>, issuer: BadgeIssuer, created: Date): Promise<SignedCredential> {
  const { signer, documentLoader } = await signingContext(issuer)
  const suite = new DataIntegrityProof({ signer, date: created, cryptosuite: eddsaRdfc2022 })
  return (await vc.issue({ credential: structuredClone(credential), suite, documentLoader, now: created })) as SignedCredential
}

/** Our own issuer's public documents by URL: what the app serves at the issuer id and what a verifier resolves. */
export function issuerDocuments(issuer: BadgeIssuer): Map<string, unknown> {
  const { baseUrl, signingKey } = issuer
  return new Map<string, unknown>([
    [signingKey.controller, issuerProfileDocument(baseUrl, signingKey.publicKeyMultibase)],
    [signingKey.id, verificationMethodDocument(baseUrl, signingKey.publicKeyMultibase)],
  ])
}

type SigningContext = { signer: Ed25519Multikey.KeyPairSigner; documentLoader: DocumentLoader }
const contexts = new Map<string, Promise<SigningContext>>()

function signingContext(issuer: BadgeIssuer): Promise<SigningContext> {
  const { signingKey, baseUrl } = issuer
  const cacheKey = `${baseUrl} ${signingKey.id} ${signingKey.publicKeyMultibase} ${signingKey.secretKeyMultibase}`
  let context = contexts.get(cacheKey)
  if (!context) {
    context = Ed25519Multikey.from({ type: 'Multikey', ...signingKey }).then((keyPair) => ({
      signer: keyPair.signer(),
      documentLoader: offlineDocumentLoader(issuerDocuments(issuer)),
    }))
    context.catch(() => contexts.delete(cacheKey))
    contexts.set(cacheKey, context)
  }
  return context
}
