import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe. Only the hash is stored; the token itself exists in the link or cookie alone. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
