import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { Resvg } from '@resvg/resvg-js'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyBadgeCredential } from '../../../../test/support/badge-verifier'
import { badgeSvg, NAME_WIDTH } from '../../../domain/badges/badge-svg'
import type { BadgeFacts, BadgeIssuer, SignedCredential } from './contract'
import { BadgeFactsError, credentialToolkit as toolkit, DEV_KEY_FILE, offlineDocumentLoader, SigningKeyError, STATUS_LIST_LENGTH, StatusIndexError } from './index'
import { renderBadgePng } from './render-png'

const baseUrl = 'https://badges.smm.test'
const facts: BadgeFacts = {
  publicId: 'b-7f3c2a',
  schoolName: 'Lakeside <School> & "Partners" =1+1 😀',
  discipline: 'nursing-bsn-msn',
  cycleTitle: '2026 national nursing round',
  cycleYear: 2026,
  validFrom: new Date('2026-11-01T00:00:00Z'),
  validUntil: new Date('2099-10-31T23:59:59Z'),
  statusIndex: 4242,
  issuedAt: new Date('2026-11-29T10:00:00Z'),
}

let dataDir: string
let issuer: BadgeIssuer
let revoked: number[] = []

/** What the app serves publicly, by URL, as the issuing feature's routes will: the issuer document and the status list. */
const served = async (url: string): Promise<object> => {
  if (url === `${baseUrl}/badges/issuer`) return toolkit.issuerProfile(issuer)
  if (url === `${baseUrl}/badges/status/1`) return toolkit.statusListCredential(revoked, issuer, new Date('2026-11-01T00:00:00Z'))
  throw new Error(`404 ${url}`)
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'smm-badge-key-'))
  issuer = { baseUrl, signingKey: await toolkit.loadSigningKey({ baseUrl, dataDir }) }
})
afterAll(() => rm(dataDir, { recursive: true, force: true }))

describe('an issued badge verifies with an independent verifier, using only what the app serves', () => {
  let artefacts: Awaited<ReturnType<typeof toolkit.issueBadge>>
  beforeAll(async () => {
    revoked = []
    artefacts = await toolkit.issueBadge(facts, issuer)
  })

  test('the credential is an Open Badges 3.0 OpenBadgeCredential naming the school and the participation, nothing else', () => {
    const c = artefacts.credential
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(c.issuer).toEqual({ id: `${baseUrl}/badges/issuer`, type: ['Profile'], name: 'Social Mission Metrics', url: baseUrl })
    expect(c).toMatchObject({
      validFrom: '2026-11-01T00:00:00Z',
      validUntil: '2099-10-31T23:59:59Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.schoolName }],
        achievement: { type: ['Achievement'], name: 'Social Mission Metrics Self-Assessment — participant, 2026 national nursing round' },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '4242',
        statusListCredential: `${baseUrl}/badges/status/1`,
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: `${baseUrl}/badges/issuer#key-1`, proofPurpose: 'assertionMethod' },
    })
    const subject = c.credentialSubject as { achievement: { criteria: { narrative: string } } }
    expect(subject.achievement.criteria.narrative).toMatch(/certified and submitted.*does not represent a score/s)
    expect(JSON.stringify(c)).not.toMatch(/email|mailto:|\w@\w/i)
  })

  test('the downloaded credential, and the ones extracted from the baked PNG and SVG, all verify', async () => {
    const fromPng = toolkit.extractFromPng(artefacts.png)
    const fromSvg = toolkit.extractFromSvg(artefacts.svg)
    expect(fromPng).toEqual(artefacts.credential)
    expect(fromSvg).toEqual(artefacts.credential)
    for (const credential of [artefacts.credential, fromPng!, fromSvg!]) {
      expect(await verifyBadgeCredential(credential, served)).toEqual({ verified: true, signatureValid: true, revoked: false, error: undefined })
    }
  })

  test('a copy with one character of the school name changed fails', async () => {
    const tampered = JSON.parse(JSON.stringify(artefacts.credential).replace('Lakeside', 'Lakesidе')) as SignedCredential
    const result = await verifyBadgeCredential(tampered, served)
    expect(result.verified).toBe(false)
    expect(result.signatureValid).toBe(false)
  })

  test('a badge signed with another key fails against our issuer document', async () => {
    const otherDir = await mkdtemp(path.join(tmpdir(), 'smm-badge-other-'))
    try {
      const stranger = { baseUrl, signingKey: await toolkit.loadSigningKey({ baseUrl, dataDir: otherDir }) }
      const forged = await toolkit.issueBadge(facts, stranger)
      expect((await verifyBadgeCredential(forged.credential, served)).signatureValid).toBe(false)
    } finally {
      await rm(otherDir, { recursive: true, force: true })
    }
  })

  test("after the badge's bit is set in the status list, the status check fails (and the signature still holds)", async () => {
    revoked = [1, facts.statusIndex, STATUS_LIST_LENGTH - 1]
    try {
      const result = await verifyBadgeCredential(artefacts.credential, served)
      expect(result).toMatchObject({ verified: false, signatureValid: true, revoked: true })
      revoked = [facts.statusIndex + 1]
      expect(await verifyBadgeCredential(artefacts.credential, served)).toMatchObject({ verified: true, revoked: false })
    } finally {
      revoked = []
    }
  })

  test('after validUntil the credential no longer verifies', async () => {
    const result = await verifyBadgeCredential(artefacts.credential, served, new Date('2100-01-01T00:00:00Z'))
    expect(result.verified).toBe(false)
  })

  test('the PNG is a valid 512×512 PNG that a PNG reader decodes, with the name drawn in the name area', () => {
    const png = PNG.sync.read(artefacts.png)
    expect([png.width, png.height]).toEqual([512, 512])
    // The name sits on the navy disc between y=250 and y=340: white pixels there are its letters.
    let white = 0
    for (let y = 250; y < 340; y++) for (let x = 60; x < 452; x++) {
      const i = (y * 512 + x) * 4
      if (png.data[i]! > 240 && png.data[i + 1]! > 240 && png.data[i + 2]! > 240) white++
    }
    expect(white).toBeGreaterThan(1500)
  })

  test('the baked SVG is well-formed XML that still renders, with the name escaped', () => {
    expect(XMLValidator.validate(artefacts.svg)).toBe(true)
    // The raw name appears only inside the CDATA of the baked credential, where it is character data, not markup.
    const image = artefacts.svg.replace(/<openbadges:credential>[\s\S]*<\/openbadges:credential>/, '')
    expect(image).not.toContain('<School>')
    expect(image).toContain('Lakeside &lt;School&gt; &amp; &quot;Partners&quot;')
    const parsed = new XMLParser({ ignoreAttributes: false, htmlEntities: true }).parse(artefacts.svg)
    expect(String(parsed.svg.title['#text'])).toContain(facts.schoolName)
    const rendered = new Resvg(artefacts.svg, { font: { loadSystemFonts: false } }).render()
    expect([rendered.width, rendered.height]).toEqual([512, 512])
  })

  test('no artefact says anything about a score, percentile, quartile or star', () => {
    const png = PNG.sync.read(artefacts.png) // decodes; its only text is the baked credential, checked with the rest
    expect(png.width).toBe(512)
    for (const text of [JSON.stringify(artefacts.credential), artefacts.svg]) {
      // The one place the word may appear is the program's own disclaimer that the badge is not a score.
      const withoutDisclaimer = text.replace(/(does not|never) represent a score[^.]*\./g, '')
      expect(withoutDisclaimer).not.toMatch(/score|percentile|quartile|\bstars?\b|★|rank(ed|ing)?\b/i)
    }
  })
})

test('wrong facts are refused before anything is signed, with the reason', async () => {
  await expect(toolkit.issueBadge({ ...facts, validUntil: new Date('2026-01-01T00:00:00Z') }, issuer)).rejects.toThrow(BadgeFactsError)
  await expect(toolkit.issueBadge({ ...facts, statusIndex: -3 }, issuer)).rejects.toThrow(/status index -3 is outside/)
})

test('in the PNG, no name, however wide or long, spills out of its area', async () => {
  const names = [
    'WWWWWWWWWW MMMMMMMMMM WWWWWWWWWW MMMMMMMMMM',
    'The Extraordinarily Long-Named Regional Academic Health Sciences Center School of Medicine and Allied Health',
    'Ŵŵ Ǿǿ ÆæÆæÆæÆæ 😀😀😀😀😀😀😀😀😀😀😀😀😀 中文中文中文中文中文',
    'W'.repeat(80),
    'ЩЖЩЖЩЖЩЖЩЖ ЩЖЩЖЩЖЩЖЩЖ ЩЖЩЖЩЖЩЖЩЖ ЩЖЩЖЩЖЩЖЩЖ',
    '‰‰‰‰‰‰‰‰‰‰‰‰ ⸻⸻⸻⸻⸻⸻⸻ ᙱᙱᙱᙱᙱᙱᙱᙱ',
  ]
  for (const schoolName of names) {
    const png = PNG.sync.read(await renderBadgePng(badgeSvg({ schoolName, disciplineLabel: 'Dentistry', cycleYear: 2026 })))
    let spilled = 0
    for (let y = 236; y < 360; y++) for (let x = 30; x < 482; x++) {
      if (Math.abs(x - 256) <= NAME_WIDTH / 2 + 2) continue
      const i = (y * 512 + x) * 4
      if (png.data[i]! > 200 && png.data[i + 1]! > 200 && png.data[i + 2]! > 200) spilled++
    }
    expect(spilled, schoolName).toBe(0)
  }
})

describe('the status list', () => {
  test('is a signed BitstringStatusListCredential of 131,072 bits, GZIP + base64url, bit 0 the leftmost', async () => {
    const list = await toolkit.statusListCredential([0, 9], issuer, new Date('2026-11-01T00:00:00Z'))
    expect(list).toMatchObject({
      id: `${baseUrl}/badges/status/1`,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: `${baseUrl}/badges/issuer`,
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
      proof: { cryptosuite: 'eddsa-rdfc-2022' },
    })
    const encoded = (list.credentialSubject as { encodedList: string }).encodedList
    expect(encoded[0]).toBe('u')
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'))
    expect(bits.length * 8).toBe(131_072)
    expect([bits[0], bits[1], bits[2]]).toEqual([0b1000_0000, 0b0100_0000, 0])
  })

  test('an index outside the list is refused with a clear message', async () => {
    await expect(toolkit.statusListCredential([STATUS_LIST_LENGTH], issuer, new Date())).rejects.toThrow(StatusIndexError)
    await expect(toolkit.statusListCredential([-1], issuer, new Date())).rejects.toThrow(/outside the list/)
  })
})

describe('the signing key', () => {
  test('the dev key is generated once, kept with mode 0600, and reused', async () => {
    const file = path.join(dataDir, DEV_KEY_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await toolkit.loadSigningKey({ baseUrl, dataDir })
    expect(again.publicKeyMultibase).toBe(issuer.signingKey.publicKeyMultibase)
    expect(again).toMatchObject({ id: `${baseUrl}/badges/issuer#key-1`, controller: `${baseUrl}/badges/issuer` })
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      publicKeyMultibase: again.publicKeyMultibase,
      secretKeyMultibase: again.secretKeyMultibase,
    })
  })

  test('two processes starting at once end up with one key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'smm-badge-race-'))
    try {
      const keys = await Promise.all([1, 2, 3].map(() => toolkit.loadSigningKey({ baseUrl, dataDir: path.join(dir, 'data') })))
      expect(new Set(keys.map((k) => k.publicKeyMultibase)).size).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('BADGE_SIGNING_KEY wins over the data folder, and its id follows the base URL', async () => {
    const exported = await (await Ed25519Multikey.generate({ controller: 'did:example:elsewhere' })).export({ publicKey: true, secretKey: true })
    const dir = await mkdtemp(path.join(tmpdir(), 'smm-badge-conf-'))
    try {
      const key = await toolkit.loadSigningKey({ baseUrl, dataDir: dir, configuredKey: JSON.stringify(exported) })
      expect(key).toEqual({
        id: `${baseUrl}/badges/issuer#key-1`,
        controller: `${baseUrl}/badges/issuer`,
        publicKeyMultibase: exported.publicKeyMultibase,
        secretKeyMultibase: exported.secretKeyMultibase,
      })
      await expect(stat(path.join(dir, DEV_KEY_FILE))).rejects.toThrow(/ENOENT/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('a bad BADGE_SIGNING_KEY is refused with a message that names the problem', async () => {
    const load = (configuredKey: string) => toolkit.loadSigningKey({ baseUrl, dataDir, configuredKey })
    await expect(load('not json')).rejects.toThrow(/BADGE_SIGNING_KEY is not JSON/)
    await expect(load('{"publicKeyMultibase":"z6Mk"}')).rejects.toThrow(/secretKeyMultibase/)
    const mixed = { publicKeyMultibase: issuer.signingKey.publicKeyMultibase, secretKeyMultibase: (await Ed25519Multikey.generate()).secretKeyMultibase }
    await expect(load(JSON.stringify(mixed))).rejects.toThrow(SigningKeyError)
  })
})

describe('the public documents and the embed snippet', () => {
  test('the issuer document is the OB Profile and the controller of the key; it never holds the secret', () => {
    const profile = toolkit.issuerProfile(issuer)
    expect(profile).toMatchObject({
      id: `${baseUrl}/badges/issuer`,
      type: ['Profile'],
      name: 'Social Mission Metrics',
      url: baseUrl,
      assertionMethod: [`${baseUrl}/badges/issuer#key-1`],
      verificationMethod: [{ id: `${baseUrl}/badges/issuer#key-1`, type: 'Multikey', publicKeyMultibase: issuer.signingKey.publicKeyMultibase }],
    })
    expect(toolkit.verificationMethodDocument(issuer)).toMatchObject({ '@context': 'https://w3id.org/security/multikey/v1', controller: `${baseUrl}/badges/issuer` })
    expect(JSON.stringify([profile, toolkit.verificationMethodDocument(issuer)])).not.toContain(issuer.signingKey.secretKeyMultibase)
  })

  test('the document loader serves shipped contexts and refuses every other URL (no network, ever)', async () => {
    const loader = offlineDocumentLoader()
    expect((await loader('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')).document).toHaveProperty('@context')
    expect((await loader('https://www.w3.org/ns/credentials/v2')).document).toHaveProperty('@context')
    await expect(loader('https://evil.example/context.json')).rejects.toThrow(/Refusing to load/)
  })

  test('the embed snippet links the image to the verification page, everything escaped', () => {
    const html = toolkit.embedHtml({ publicId: 'b-1"x', schoolName: '<b>Lake</b> & "Co"', cycleYear: 2026 }, baseUrl)
    expect(html).toBe(
      `<a href="${baseUrl}/badges/verify/b-1%22x"><img src="${baseUrl}/badges/b-1%22x.svg" ` +
        'alt="&lt;b&gt;Lake&lt;/b&gt; &amp; &quot;Co&quot; holds the Social Mission Metrics 2026 badge. Verify it." width="160" height="160"></a>',
    )
  })

  test('extracting from an image without a credential, or from something that is not an image, gives null', () => {
    expect(toolkit.extractFromPng(Buffer.from('not a png'))).toBeNull()
    expect(toolkit.extractFromSvg('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBeNull()
  })
})
