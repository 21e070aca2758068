import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { badgeSvg } from './badge-svg'
import { bakePng, extractPngCredentialJson, OPEN_BADGES_PNG_KEYWORD } from './png-baking'
import { crc32, readPngChunks, writePngChunks } from './png-chunks'
import { bakeSvg, extractSvgCredentialJson, OPEN_BADGES_SVG_NAMESPACE } from './svg-baking'

const json = JSON.stringify({ id: 'https://smm.test/badges/verify/x', name: 'A ]]> B <![CDATA[ & “quotes” 😀', proof: {} })

// A 1×1 transparent PNG (IHDR, IDAT, IEND), as image tools write it.
const tinyPng = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
)

describe('PNG baking (OB 3.0, Baked Badge › PNG)', () => {
  test('the credential goes in one uncompressed iTXt "openbadgecredential" chunk just before IEND, and reads back', () => {
    const baked = bakePng(tinyPng, json)
    const chunks = readPngChunks(baked)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND'])
    const itxt = chunks[2]!.data
    expect(Buffer.from(itxt.subarray(0, OPEN_BADGES_PNG_KEYWORD.length + 5))).toEqual(
      Buffer.concat([Buffer.from(OPEN_BADGES_PNG_KEYWORD), Buffer.from([0, 0, 0, 0, 0])]),
    )
    expect(extractPngCredentialJson(baked)).toBe(json)
  })

  test('every chunk keeps a correct CRC, and baking twice replaces the credential instead of adding one', () => {
    const twice = bakePng(bakePng(tinyPng, '{"id":"old","proof":{}}'), json)
    expect(readPngChunks(twice).filter((c) => c.type === 'iTXt')).toHaveLength(1)
    expect(extractPngCredentialJson(twice)).toBe(json)
    const view = new DataView(twice.buffer)
    let offset = 8
    for (const chunk of readPngChunks(twice)) {
      const stored = view.getUint32(offset + 8 + chunk.data.length)
      expect(stored).toBe(crc32(twice.subarray(offset + 4, offset + 8 + chunk.data.length)))
      offset += 12 + chunk.data.length
    }
  })

  test('the CRC is the standard one (the IEND chunk of every PNG ends AE 42 60 82)', () => {
    expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082')
    expect(writePngChunks(readPngChunks(tinyPng))).toEqual(tinyPng)
  })

  test('an image without a credential gives null; something that is not a PNG is refused clearly', () => {
    expect(extractPngCredentialJson(tinyPng)).toBeNull()
    expect(() => readPngChunks(new TextEncoder().encode('GIF89a'))).toThrow(/Not a PNG/)
    expect(() => readPngChunks(tinyPng.subarray(0, 40))).toThrow(/Broken PNG/)
  })
})

describe('SVG baking (OB 3.0, Baked Badge › SVG)', () => {
  const svg = badgeSvg({ schoolName: 'Lakeside', disciplineLabel: 'Dentistry', cycleYear: 2026 })

  test('declares the openbadges namespace on the root and carries the JSON in openbadges:credential', () => {
    const baked = bakeSvg(svg, json)
    expect(XMLValidator.validate(baked)).toBe(true)
    expect(baked).toMatch(/^<svg [^>]*>\n<openbadges:credential><!\[CDATA\[/) // directly after the <svg> tag, as the spec says
    const parsed = new XMLParser({ ignoreAttributes: false, cdataPropName: '#cdata' }).parse(baked)
    expect(parsed.svg['@_xmlns:openbadges']).toBe(OPEN_BADGES_SVG_NAMESPACE)
    const cdata = parsed.svg['openbadges:credential']['#cdata']
    expect(Array.isArray(cdata) ? cdata.join('') : cdata).toBe(json)
  })

  test('reads back exactly, even when the JSON contains "]]>" or "<![CDATA["; baking twice keeps one element', () => {
    const baked = bakeSvg(bakeSvg(svg, '{"id":"old"}'), json)
    expect(baked.match(/<openbadges:credential>/g)).toHaveLength(1)
    expect(baked.match(/xmlns:openbadges=/g)).toHaveLength(1)
    expect(extractSvgCredentialJson(baked)).toBe(json)
  })

  test('reads a credential another baker escaped as text instead of CDATA; null when there is none', () => {
    const escaped = svg.replace('</svg>', '<openbadges:credential>{&quot;id&quot;:&quot;a&amp;b&quot;}</openbadges:credential></svg>')
    expect(extractSvgCredentialJson(escaped)).toBe('{"id":"a&b"}')
    expect(extractSvgCredentialJson(svg)).toBeNull()
  })
})
