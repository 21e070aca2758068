import { describe, expect, test } from 'vitest'
import { parse } from 'csv-parse/sync'
import { countCsvRecords, csvWithBom, readCsvUpload } from './csv-files'

const bytes = (text: string) => new TextEncoder().encode(text)
const read = (text: string) => {
  const result = readCsvUpload(bytes(text))
  if (!result.ok) throw new Error(result.message)
  return result
}
const names = (text: string) => read(text).rows.map((r) => r.name)

describe('reading a CSV upload keeps every record', () => {
  const endings = { CRLF: '\r\n', LF: '\n', CR: '\r' }
  test.each(Object.entries(endings))('one ending throughout: %s', (_, eol) => {
    expect(names(['name,city', 'A,x', 'B,y', 'C,z'].join(eol) + eol)).toEqual(['A', 'B', 'C'])
  })

  test.each([
    ['CRLF then LF then CR', ['\r\n', '\n', '\r']],
    ['LF then CRLF then CR', ['\n', '\r\n', '\r']],
    ['CR then LF then CRLF', ['\r', '\n', '\r\n']],
    ['CR then CRLF then LF', ['\r', '\r\n', '\n']],
  ])('mixed endings, %s', (_, [a, b, c]) => {
    expect(names(`name,city${a}A,x${b}B,y${c}C,z${a}D,w`)).toEqual(['A', 'B', 'C', 'D'])
  })

  test('a quoted field keeps its own line breaks of every kind, as one record', () => {
    const file = 'name,city\r\n"A\r\nline two",x\n"B\rsecond\nthird",y\rC,z\r\n'
    expect(names(file)).toEqual(['A\r\nline two', 'B\rsecond\nthird', 'C'])
  })

  test('blank lines, a BOM and escaped quotes are not records; the last line needs no ending', () => {
    expect(names('\uFEFFname,city\r\n\r\n"A ""the"" one",x\n\nB,y')).toEqual(['A "the" one', 'B'])
  })

  test('an unclosed quote is an error naming the problem, not a shorter file', () => {
    const result = readCsvUpload(bytes('name,city\nA,x\n"B,y\nC,z\n'))
    expect(result.ok).toBe(false)
  })
})

describe('the independent record count', () => {
  test('counts header and rows across mixed endings, ignoring quoted breaks and blank lines', () => {
    expect(countCsvRecords('h\r\na\nb\rc')).toBe(4)
    expect(countCsvRecords('h\n"a\nb\rc",1\r\n\r\n\nd\r')).toBe(3)
    expect(countCsvRecords('')).toBe(0)
  })
})

describe('writing a CSV for people to open', () => {
  test('with neutraliseFormulas, text that a spreadsheet would run is shown as text; numbers, dates and other text are untouched', () => {
    const out = csvWithBom(['a', 'b'], [['=HYPERLINK("x")', '+1'], ['-2', '@SUM(A1)'], ['\tTab', 'plain'], [-5, new Date('2026-01-02T00:00:00Z')]], { neutraliseFormulas: true })
    const rows = parse(out.slice(1), { relax_column_count: true }) as string[][]
    expect(rows.slice(1)).toEqual([[`'=HYPERLINK("x")`, "'+1"], ["'-2", "'@SUM(A1)"], ["'\tTab", 'plain'], ['-5', '2026-01-02T00:00:00.000Z']])
  })
  test('without it, cells are written as they are (our own imports read them back)', () => {
    expect(csvWithBom(['a'], [['=1+1']])).toContain('=1+1')
    expect(csvWithBom(['a'], [['=1+1']])).not.toContain("'=")
  })
})
