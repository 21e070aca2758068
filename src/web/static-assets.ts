import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { clientScripts } from './client-scripts'
import { compressOnce, isCompressibleType, MIN_COMPRESSED_BYTES, type Encoding } from './compression/content-encoding'

// The stylesheet, the icon and the browser scripts, served from memory under names that carry a hash of their
// content (`app.1f3a9c0b7d2e.css`), so a browser may keep each for a year: a changed file gets a new name
// (decision 167). Pages link them through assetPath().

export type StaticAsset = { name: string; hashedName: string; type: string; body: Buffer; etag: string; compressed: Map<Encoding, Buffer> }

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' }
const assetsDir = new URL('./assets/', import.meta.url)
const HASH_LENGTH = 12

const assets = new Map<string, StaticAsset>()
for (const name of readdirSync(assetsDir)) {
  const type = TYPES[extensionOf(name)]
  if (type) addAsset(name, type, readFileSync(new URL(name, assetsDir)))
}

function addAsset(name: string, type: string, body: Buffer) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH)
  const ext = extensionOf(name)
  assets.set(name, { name, hashedName: `${name.slice(0, -ext.length)}.${hash}${ext}`, type, body, etag: `"${hash}"`, compressed: new Map() })
}

function extensionOf(name: string) {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot)
}

let scripts: Promise<void> | undefined

/** The browser scripts join the assets once bundled (at once in the built server, which embeds them). */
export function scriptsReady(): Promise<void> {
  scripts ??= clientScripts().then((bundles) => {
    for (const [name, body] of bundles) addAsset(name, TYPES['.js']!, Buffer.from(body))
  })
  return scripts
}

/**
 * The address of an asset for a page: its hashed name once known. A script asked for in the moment its bundle is
 * still being made (a server started from sources, right after start) gets its plain name, served with a short cache.
 */
export function assetPath(name: string): string {
  void scriptsReady()
  const asset = assets.get(name)
  return `/assets/${asset ? asset.hashedName : name}`
}

/**
 * A small image as a `data:` address, for the icon every page links: a separate request for 240 bytes cost a
 * round trip and ~800 bytes of response headers on a first visit (decision 172). CSP's `img-src` allows `data:`.
 */
export function assetDataUri(name: string): string {
  const asset = assets.get(name)
  if (!asset) throw new Error(`no asset ${name}`)
  return `data:${asset.type},${encodeURIComponent(asset.body.toString('utf8').trim())}`
}

export type AssetLookup =
  | { kind: 'current'; asset: StaticAsset; hashed: boolean }
  /** A hashed name of a known asset whose content has changed since (a page cached from before). */
  | { kind: 'outdated'; asset: StaticAsset }
  | { kind: 'unknown' }

const HASHED_NAME = new RegExp(`^(.+)\\.([0-9a-f]{${HASH_LENGTH}})(\\.[a-z]+)$`)

/** Finds an asset by the name in its address, plain or hashed. */
export async function findAsset(requested: string): Promise<AssetLookup> {
  if (requested.endsWith('.js')) await scriptsReady()
  const plain = assets.get(requested)
  if (plain) return { kind: 'current', asset: plain, hashed: false }
  const [, stem, , ext] = HASHED_NAME.exec(requested) ?? []
  const asset = stem && ext ? assets.get(stem + ext) : undefined
  if (!asset) return { kind: 'unknown' }
  return asset.hashedName === requested ? { kind: 'current', asset, hashed: true } : { kind: 'outdated', asset }
}

/** The asset's body in `encoding`, compressed on first use and kept; undefined when not worth compressing. */
export function compressedBody(asset: StaticAsset, encoding: Encoding | undefined): Buffer | undefined {
  if (!encoding || asset.body.byteLength < MIN_COMPRESSED_BYTES || !isCompressibleType(asset.type)) return undefined
  let body = asset.compressed.get(encoding)
  if (!body) asset.compressed.set(encoding, (body = compressOnce(asset.body, encoding)))
  return body
}
