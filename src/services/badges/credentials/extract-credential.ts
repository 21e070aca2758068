import { extractPngCredentialJson } from '../../../domain/badges/png-baking'
import { isPng } from '../../../domain/badges/png-chunks'
import { extractSvgCredentialJson } from '../../../domain/badges/svg-baking'
import type { SignedCredential } from './contract'

/** The credential baked into a PNG, or null when there is none (or the file is not a readable PNG). */
export function extractFromPng(png: Buffer): SignedCredential | null {
  if (!isPng(png)) return null
  try {
    return asCredential(extractPngCredentialJson(png))
  } catch {
    return null
  }
}

/** The credential baked into an SVG, or null when there is none. */
export function extractFromSvg(svg: string): SignedCredential | null {
  return asCredential(extractSvgCredentialJson(svg))
}

function asCredential(json: string | null): SignedCredential | null {
  if (json === null) return null
  try {
    const value: unknown = JSON.parse(json)
    const looksSigned = typeof value === 'object' && value !== null && 'id' in value && 'proof' in value
    return looksSigned ? (value as SignedCredential) : null
  } catch {
    return null
  }
}
