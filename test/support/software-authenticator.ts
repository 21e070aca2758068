import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'

// A software authenticator for integration tests: it makes ES256 passkeys (node:crypto) and answers WebAuthn
// ceremonies the way a browser and a platform authenticator together would, with attestation "none". The server
// verifies its answers with the real @simplewebauthn/server; tests bend one thing at a time (origin, signature,
// counter) to see each refusal.

const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url')
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest()

/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key: maps, ints, byte and text strings. */
type Cbor = number | string | Uint8Array | Map<number | string, Cbor>
function cbor(value: Cbor): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n])
    if (n < 256) return Buffer.from([(major << 5) | 24, n])
    if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255])
    const b = Buffer.alloc(5)
    b[0] = (major << 5) | 26
    b.writeUInt32BE(n, 1)
    return b
  }
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value)
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)])
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value])
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])])
}

const FLAG_UP = 0x01
const FLAG_UV = 0x04
const FLAG_AT = 0x40

type Credential = { id: Buffer; privateKey: KeyObject; publicKey: KeyObject; counter: number; userHandle: string }

export type CreationOptions = { challenge: string; rp: { id?: string }; user: { id: string } }
export type RequestOptions = { challenge: string; rpId?: string; allowCredentials?: { id: string }[] }
/** What a test may bend in one answer. */
export type Bend = { origin?: string; counter?: number; badSignature?: boolean; rpId?: string }

export class SoftwareAuthenticator {
  readonly credentials: Credential[] = []
  constructor(readonly origin: string) {}

  private authData(rpId: string, flags: number, counter: number, attested?: Buffer) {
    const count = Buffer.alloc(4)
    count.writeUInt32BE(counter)
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])])
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  /** navigator.credentials.create(): a new ES256 key pair, answered as the browser's JSON. */
  register(options: CreationOptions, bend: Bend = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const coseKey = cbor(new Map<number, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')]]))
    const id = randomBytes(16)
    const credLength = Buffer.from([id.length >> 8, id.length & 255])
    const attested = Buffer.concat([Buffer.alloc(16), credLength, id, coseKey])
    const rpId = bend.rpId ?? options.rp.id ?? new URL(this.origin).hostname
    const authData = this.authData(rpId, FLAG_UP | FLAG_UV | FLAG_AT, 0, attested)
    const attestationObject = cbor(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]))
    this.credentials.push({ id, privateKey, publicKey, counter: 0, userHandle: options.user.id })
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, bend.origin ?? this.origin)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }

  /** navigator.credentials.get(): signs with the first of our credentials the options allow, counter + 1. */
  authenticate(options: RequestOptions, bend: Bend = {}) {
    const allowed = new Set((options.allowCredentials ?? []).map((c) => c.id))
    const credential = this.credentials.find((c) => allowed.size === 0 || allowed.has(b64url(c.id)))
    if (!credential) throw new Error('SoftwareAuthenticator: no allowed credential')
    credential.counter = bend.counter ?? credential.counter + 1
    const authData = this.authData(bend.rpId ?? options.rpId ?? new URL(this.origin).hostname, FLAG_UP | FLAG_UV, credential.counter)
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, bend.origin ?? this.origin)
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey)
    if (bend.badSignature) signature[signature.length - 1]! ^= 0xff
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: credential.userHandle },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }
}

/** The options a passkey page hands its script (the form's `data-options`), read back from the page's HTML. */
export function passkeyOptionsIn(html: string): CreationOptions & RequestOptions {
  const raw = /data-options="([^"]*)"/.exec(html)?.[1]
  if (raw === undefined) throw new Error('passkeyOptionsIn: no passkey form on this page')
  const text = raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  return JSON.parse(text)
}
