import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { z } from 'zod'
import { badgeUrls } from '../../../domain/badges/credential-urls'
import type { BadgeSigningKey } from './contract'

export const DEV_KEY_FILE = 'badge-signing-key.json'

const StoredKey = z.object({
  publicKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]+$/, 'must be a base58btc multibase string starting with z'),
  secretKeyMultibase: z.string().regex(/^z[1-9A-HJ-NP-Za-km-z]+$/, 'must be a base58btc multibase string starting with z'),
})

export class SigningKeyError extends Error {}

/**
 * The issuer's Ed25519 key: `BADGE_SIGNING_KEY` (a Multikey export as JSON) when configured, else a dev key made
 * once in the data folder (mode 0600) and reused. The id and controller always come from the base URL, whatever
 * the stored JSON says, so the key's identity follows the issuer URL (decision 120).
 */
export async function loadSigningKey(options: { baseUrl: string; dataDir: string; configuredKey?: string }): Promise<BadgeSigningKey> {
  const stored = options.configuredKey ? parseConfiguredKey(options.configuredKey) : await loadOrCreateDevKey(options.dataDir)
  const urls = badgeUrls(options.baseUrl)
  const key = { id: urls.verificationMethod, controller: urls.issuer, ...stored }
  await assertKeyPairMatches(key)
  return key
}

function parseConfiguredKey(json: string) {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new SigningKeyError('BADGE_SIGNING_KEY is not JSON: give the Multikey export with publicKeyMultibase and secretKeyMultibase.')
  }
  const parsed = StoredKey.safeParse(value)
  if (!parsed.success) throw new SigningKeyError(`BADGE_SIGNING_KEY: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`)
  return parsed.data
}

async function loadOrCreateDevKey(dataDir: string) {
  const file = path.join(dataDir, DEV_KEY_FILE)
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (existing !== null) return parseDevKey(existing, file)
  const generated = await Ed25519Multikey.generate()
  const key = { publicKeyMultibase: generated.publicKeyMultibase, secretKeyMultibase: generated.secretKeyMultibase ?? '' }
  await mkdir(dataDir, { recursive: true })
  try {
    // 'wx': if another process wrote the key first, keep theirs; two keys would make half the badges unverifiable.
    await writeFile(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseDevKey(await readFile(file, 'utf8'), file)
    throw error
  }
  await chmod(file, 0o600) // the mode given to writeFile is masked by the umask
  return key
}

function parseDevKey(text: string, file: string) {
  try {
    return StoredKey.parse(JSON.parse(text))
  } catch {
    throw new SigningKeyError(`${file} is not a badge signing key; move it aside to make a new one (every badge it signed stops verifying).`)
  }
}

/** Signs a probe and checks it with the public key: a pasted key whose halves do not belong together is caught here. */
async function assertKeyPairMatches(key: BadgeSigningKey) {
  let matches = false
  try {
    const pair = await Ed25519Multikey.from({ type: 'Multikey', ...key })
    const data = new TextEncoder().encode('badge signing key check')
    matches = await pair.verifier().verify({ data, signature: await pair.signer().sign({ data }) })
  } catch (error) {
    throw new SigningKeyError(`The badge signing key cannot be read: ${(error as Error).message}`)
  }
  if (!matches) throw new SigningKeyError('The badge signing key\'s public and secret halves do not belong to the same key pair.')
}
