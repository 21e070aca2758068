import { gunzipSync } from 'node:zlib'

/**
 * Reads one bit of a Bitstring Status List credential as the W3C spec encodes it (multibase base64url of the
 * GZIP-compressed bitstring, index 0 the first byte's leftmost bit), independently of the app's own code.
 */
export function statusBit(statusListCredential: Record<string, unknown>, index: number): boolean {
  const subject = statusListCredential.credentialSubject as { encodedList: string }
  const encoded = subject.encodedList.startsWith('u') ? subject.encodedList.slice(1) : subject.encodedList
  const bits = gunzipSync(Buffer.from(encoded, 'base64url'))
  return ((bits[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1) === 1
}
