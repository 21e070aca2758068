import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
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

describe('writing a CSV a spreadsheet cannot run', () => {
  const dangerous = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1']
  test.each(dangerous)('text starting like a formula, %j, is written as text', (text) => {
    const [, [cell] = []] = parse(csvWithBom(['name'], [[text]]).slice(1)) as string[][]
    expect(cell).toBe(`'${text}`)
  })
  test('numbers, dates and ordinary text are written as they are', () => {
    const file = csvWithBom(['a', 'b', 'c', 'd'], [[-9, 54.25, new Date('2026-01-02T03:04:05Z'), 'Université — Sud']])
    expect(file).toContain('-9,54.25,2026-01-02T03:04:05.000Z,Université — Sud')
  })
  test('a file we wrote reads back with the text as it was typed, line breaks of every kind included', () => {
    const rows = [...dangerous, 'lone\rCR', 'lone\nLF'].map((name, i) => [name, `city ${i}`])
    const back = read(csvWithBom(['name', 'city'], rows))
    expect(back.rows.map((r) => r.name)).toEqual(rows.map(([name]) => name))
  })
})
