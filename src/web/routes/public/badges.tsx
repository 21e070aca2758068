import { Hono } from 'hono'
import { z } from 'zod'
import { DISCIPLINES } from '../../../domain/school/school-facts'
import { badgeDirectory } from '../../../services/badges/badge-directory'
import { badgeDownload, issuerProfile, issuerVerificationMethod, publicBadge, statusListCredential } from '../../../services/badges/badge-public'
import type { AppEnv, Ctx } from '../../context'
import { textValues } from '../../form'
import { etagMatches } from '../../etag'
import { BadgeDirectoryPage } from '../../views/public/badge-directory-page'
import { BadgeVerifyPage, NoSuchBadgePage } from '../../views/public/badge-verify-page'

// The badge's public face, no sign-in: the directory, each badge's verification page and files, the status list
// and the issuer's documents a verifier fetches (decisions 127–128).

/** Files change only when an image is reissued: a short public cache keeps embeds fast and reissues visible. */
const FILE_CACHE = 'public, max-age=300'

const Filters = z.object({
  discipline: z.enum(DISCIPLINES).optional().catch(undefined),
  state: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
})

async function download(c: Ctx, publicId: string, kind: 'svg' | 'png' | 'credential') {
  const file = await badgeDownload(c.var.db, publicId, kind)
  if (!file) return noSuchBadge(c)
  c.header('Content-Type', file.contentType)
  c.header('Content-Disposition', `${kind === 'credential' ? 'attachment' : 'inline'}; filename="${file.filename}"`)
  c.header('Cache-Control', FILE_CACHE)
  c.header('ETag', `"${publicId}-${file.version}"`)
  // The embed snippet shows the image on schools' own sites.
  c.header('Cross-Origin-Resource-Policy', 'cross-origin')
  return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body))
}

function noSuchBadge(c: Ctx) {
  c.status(404)
  return c.render(<NoSuchBadgePage />, { title: 'No such badge' })
}

/** JSON-LD documents verifiers fetch: served as JSON, cacheable, readable from any origin. */
function jsonLd(c: Ctx, body: unknown, cache: string) {
  c.header('Cache-Control', cache)
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Content-Type', 'application/ld+json; charset=utf-8')
  return c.body(JSON.stringify(body, null, 2))
}

export const publicBadgeRoutes = new Hono<AppEnv>()
  .get('/badges', async (c) => {
    const raw = textValues(c.req.query())
    const filters = Filters.parse(raw)
    const directory = await badgeDirectory(c.var.db, filters, new Date())
    const values = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
    return c.render(<BadgeDirectoryPage directory={directory} form={{ values, errors: {} }} filtered={Object.keys(values).length > 0} />, {
      title: 'Schools with a badge',
      description: 'The schools that hold a current Social Mission Metrics badge, and the program’s Inaugural Supporters.',
    })
  })
  .get('/badges/verify/:publicId', async (c) => {
    const badge = await publicBadge(c.var.db, c.req.param('publicId'), new Date())
    if (!badge) return noSuchBadge(c)
    c.header('Cache-Control', 'no-cache')
    return c.render(<BadgeVerifyPage badge={badge} />, { title: `Badge of ${badge.schoolName}`, description: `Verification of the Social Mission Metrics badge of ${badge.schoolName}, ${badge.cycleTitle}.` })
  })
  .get('/badges/status/1', async (c) => {
    const { credential, etag } = await statusListCredential(c.var.db, c.var.deps.badgeIssuer)
    c.header('ETag', etag)
    if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304)
    // Short, so a revocation reaches verifiers within a minute; the ETag makes rechecks cheap.
    return jsonLd(c, credential, 'public, max-age=60, must-revalidate')
  })
  .get('/badges/issuer', async (c) => jsonLd(c, await issuerProfile(c.var.deps.badgeIssuer), 'public, max-age=3600'))
  .get('/badges/issuer/key', async (c) => jsonLd(c, await issuerVerificationMethod(c.var.deps.badgeIssuer), 'public, max-age=3600'))
  .get('/badges/:publicId/credential.json', (c) => download(c, c.req.param('publicId'), 'credential'))
  .get('/badges/:file{[A-Za-z0-9_-]+\\.(svg|png)}', (c) => {
    const file = c.req.param('file')
    const dot = file.lastIndexOf('.')
    return download(c, file.slice(0, dot), file.slice(dot + 1) as 'svg' | 'png')
  })
