import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MAX_RESOURCE_FILE_BYTES, checkResourceFile, paragraphsOf, safeFileName, slugFromTitle } from './resource-rules'

describe('resource files', () => {
  test('a PDF within 5 MB is accepted and typed by its extension', () => {
    expect(checkResourceFile({ name: 'Letter to the Dean.PDF', size: 1000 })).toEqual({
      ok: true,
      mimeType: 'application/pdf',
      fileName: 'Letter to the Dean.PDF',
    })
  })

  test('an HTML or script file is refused, whatever its size', () => {
    expect(checkResourceFile({ name: 'page.html', size: 10 }).ok).toBe(false)
    expect(checkResourceFile({ name: 'run.exe', size: 10 }).ok).toBe(false)
    expect(checkResourceFile({ name: 'no-extension', size: 10 }).ok).toBe(false)
  })

  test('a file over 5 MB, or an empty one, is refused with a message', () => {
    const big = checkResourceFile({ name: 'slides.pptx', size: MAX_RESOURCE_FILE_BYTES + 1 })
    expect(big).toEqual({ ok: false, message: expect.stringContaining('5 MB') })
    expect(checkResourceFile({ name: 'a.txt', size: 0 }).ok).toBe(false)
  })

  test('a file name never carries a path, a quote or a line break into the download header', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const safe = safeFileName(name)
        expect(safe).not.toMatch(/["\\/\r\n]/)
        expect(safe.length).toBeGreaterThan(0)
      }),
    )
    expect(safeFileName('../../etc/passwd')).toBe('passwd')
  })
})

describe('addresses and text', () => {
  test('a title becomes a readable address', () => {
    expect(slugFromTitle('Letter to the Dean')).toBe('letter-to-the-dean')
    expect(slugFromTitle('Salud comunitaria: guía')).toBe('salud-comunitaria-guia')
    expect(slugFromTitle('!!!')).toBe('resource')
  })

  test('any title gives an address of letters, digits and single hyphens', () => {
    fc.assert(fc.property(fc.string(), (title) => {
      expect(slugFromTitle(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }))
  })

  test('blank lines separate paragraphs; markup stays text', () => {
    expect(paragraphsOf('First line\nstill first\r\n\r\n  <b>Second</b>  \n\n\n')).toEqual(['First line\nstill first', '<b>Second</b>'])
  })
})
