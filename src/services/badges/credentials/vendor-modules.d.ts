// Minimal types for the Digital Bazaar credential libraries, which ship JavaScript without declarations.
// Only what the toolkit and its verifier call is declared; anything else stays unknown.
declare module '@digitalbazaar/ed25519-multikey' {
  export type KeyPairSigner = { id: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> }
  export type KeyPair = {
    id: string
    controller: string
    publicKeyMultibase: string
    secretKeyMultibase?: string
    signer(): KeyPairSigner
    verifier(): { verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean> }
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, unknown>>
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<KeyPair>
  export function from(key: Record<string, unknown>): Promise<KeyPair>
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; date?: Date | string | number | null; cryptosuite: unknown })
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown
}

declare module '@digitalbazaar/vc' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
  export type VerifyResult = { verified: boolean; error?: unknown; statusResult?: { verified: boolean; results?: unknown[] }; results?: unknown[] }
  export function issue(options: { credential: Record<string, unknown>; suite: unknown; documentLoader: DocumentLoader; now?: Date | string }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: unknown
    suite: unknown
    documentLoader: DocumentLoader
    checkStatus?: (options: Record<string, unknown>) => Promise<{ verified: boolean }>
    now?: Date | string
  }): Promise<VerifyResult>
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    length: number
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>
  export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string }): Promise<Record<string, unknown>>
  export function checkStatus(options: Record<string, unknown>): Promise<{ verified: boolean; error?: unknown; results?: { status: boolean }[] }>
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>
}

declare module 'jsonld-signatures' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>
  const jsigs: { extendContextLoader(loader: DocumentLoader): DocumentLoader }
  export default jsigs
}

declare module 'fontkit' {
  export type Glyph = { id: number; advanceWidth: number }
  export type Font = { unitsPerEm: number; glyphForCodePoint(codePoint: number): Glyph }
  export function openSync(path: string): Font
}
