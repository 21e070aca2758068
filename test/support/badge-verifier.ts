import { readFileSync } from 'node:fs'
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context'
import * as vc from '@digitalbazaar/vc'
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list'
import jsigs from 'jsonld-signatures'

/**
 * A stranger's badge verifier, independent of the app's signing code: `@digitalbazaar/vc` with the eddsa-rdfc-2022
 * cryptosuite and the Bitstring Status List checker, resolving contexts from their packages (and the OB 3.0.3 file
 * as published by 1EdTech) and everything else — the issuer, its key, the status list — only through `fetchJson`,
 * i.e. what the app serves publicly. Reused by the unit test (fetchJson returns the toolkit's documents) and the
 * e2e test (fetchJson fetches the running app).
 */
export type FetchJson = (url: string) => Promise<object>

export type BadgeVerification = {
  /** Signature, issuer, dates and status all good. */
  verified: boolean
  /** The proof was checked and held, whatever the status (false too when an earlier check stopped it, e.g. expiry). */
  signatureValid: boolean
  /** The status list says the badge is revoked (undefined when the status could not be checked). */
  revoked: boolean | undefined
  error: string | undefined
}

const OB_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
const OB_CONTEXT: unknown = JSON.parse(
  readFileSync(new URL('../../src/services/badges/credentials/contexts/ob-v3p0-context-3.0.3.json', import.meta.url), 'utf8'),
)
const CONTEXTS = new Map<string, unknown>([...credentialsContexts, ...dataIntegrityContexts, ...multikeyContexts, [OB_CONTEXT_URL, OB_CONTEXT]])

export async function verifyBadgeCredential(credential: object, fetchJson: FetchJson, now: Date = new Date()): Promise<BadgeVerification> {
  const documentLoader = publicDocumentLoader(fetchJson)
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 })
  let revoked: boolean | undefined
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader,
    now,
    // The library reports a readable list as "verified" even when the bit is set; a set bit means revoked.
    checkStatus: async (options) => {
      const status = await checkStatus({ ...options, documentLoader, suite })
      revoked = status.verified ? (status.results ?? []).some((r) => r.status) : undefined
      return { ...status, verified: status.verified && revoked === false }
    },
  })
  const signatureValid = result.verified || result.statusResult !== undefined
  return { verified: result.verified, signatureValid, revoked, error: result.verified ? undefined : describe(result) }
}

function publicDocumentLoader(fetchJson: FetchJson) {
  const fetchDocument = async (url: string) => {
    const hash = url.indexOf('#')
    const document = await fetchJson(hash === -1 ? url : url.slice(0, hash))
    // A key id like …/badges/issuer#key-1 is a fragment of the issuer's document: pick the method out of it.
    return hash === -1 ? document : verificationMethodFrom(document as Record<string, unknown>, url)
  }
  return jsigs.extendContextLoader(async (url) => {
    const context = CONTEXTS.get(url)
    const document = context ?? (await fetchDocument(url))
    return { contextUrl: null, documentUrl: url, document }
  })
}

function verificationMethodFrom(document: Record<string, unknown>, id: string): object {
  const methods = Array.isArray(document.verificationMethod) ? (document.verificationMethod as Record<string, unknown>[]) : []
  const method = methods.find((m) => m.id === id)
  if (!method) throw new Error(`${id} is not a verification method of ${String(document.id)}`)
  return { '@context': 'https://w3id.org/security/multikey/v1', ...method }
}

function describe(result: vc.VerifyResult): string {
  const errors: unknown[] = [result.error, ...((result.results ?? []) as { error?: unknown }[]).map((r) => r.error)]
  if (result.statusResult && !result.statusResult.verified) errors.push(new Error('status check failed: revoked or unreadable'))
  return errors
    .filter(Boolean)
    .map((e) => (e instanceof Error ? e.message : String(e)))
    .join('; ')
}
