import { createRequire } from 'node:module'
import path from 'node:path'
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js'
import { BADGE_FONT_FAMILY, BADGE_SIZE } from '../../../domain/badges/badge-svg'

// The fonts ship with the app (npm `dejavu-fonts-ttf`) and system fonts are never read: the PNG is the same on a
// laptop, in CI and in production, with or without fonts installed.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf')
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(fontDir, file))

const options = (scale: number): ResvgRenderOptions => ({
  fitTo: { mode: 'width', value: BADGE_SIZE * scale },
  font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: BADGE_FONT_FAMILY, sansSerifFamily: BADGE_FONT_FAMILY },
})

/**
 * Renders the badge SVG to a PNG at the template's size (scale 2 for high-density screens). Off the main thread
 * (resvg's worker pool), so an issuing job in the web process does not stall requests, and signing overlaps it.
 */
export async function renderBadgePng(svg: string, scale = 1): Promise<Buffer> {
  return (await renderAsync(svg, options(scale))).asPng()
}
