import { readFileSync } from 'node:fs'
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context'
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context'
import jsigs from 'jsonld-signatures'
import { OB_V3_CONTEXT } from '../../../domain/badges/credential-urls'

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown }
export type DocumentLoader = (url: string) => Promise<LoadedDocument>

const obContext: unknown = JSON.parse(readFileSync(new URL('./contexts/ob-v3p0-context-3.0.3.json', import.meta.url), 'utf8'))

/** Every JSON-LD context a badge or its issuer documents use, from packages and the committed OB 3.0.3 file. */
export const SHIPPED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  [OB_V3_CONTEXT, obContext],
])

/**
 * A document loader that never goes to the network: the shipped contexts (plus the security contexts
 * jsonld-signatures carries for framing controller documents), then the documents given here by URL.
 * Anything else throws, so a credential naming a foreign context or key cannot make us fetch it.
 */
export function offlineDocumentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  const local: DocumentLoader = async (url) => {
    const document = SHIPPED_CONTEXTS.get(url) ?? documents.get(url)
    if (document === undefined) throw new Error(`Refusing to load "${url}": badges resolve only shipped contexts and our own issuer's documents.`)
    return { contextUrl: null, documentUrl: url, document }
  }
  return jsigs.extendContextLoader(local) as DocumentLoader
}
