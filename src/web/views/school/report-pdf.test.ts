import PDFDocument from 'pdfkit'
import SVGtoPDF from 'svg-to-pdfkit'
import { expect, test } from 'vitest'
import { areaBenchmarkSvg } from '../../charts/area-benchmark-chart'
import { withoutNonDrawingAttributes } from './report-pdf'
import { SharedFontDocument } from './shared-font-document'

// Both speed-ups of the report PDF must leave its bytes as they were: the shared font metrics and the chart's SVG
// without its page-only attributes. The creation date (and the file id made from it) is the only thing fixed here.
const info = { Title: 'A school: Cycle 2026', CreationDate: new Date('2026-11-01T12:00:00Z') }

function pdfOf(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  draw(doc)
  doc.end()
  return done
}

const rows = [
  { area: 'Pathway programs', score: 72.5, q1: 40, median: 55.25, q3: 70 },
  { area: 'Holistic admissions & “fit”', score: 31, q1: null, median: null, q3: null },
  { area: 'Community <engagement>', score: null, q1: 10, median: 20, q3: 30 },
]

// Like a report: several standard fonts first used in an order of their own, sizes given with the font, wrapped
// and measured text, a chart drawn with its own fonts, more pages, and footers drawn on each page at the end.
function drawReportLike(svg: string) {
  return (doc: PDFKit.PDFDocument) => {
    doc.fillColor('#5b6b70').font('Helvetica').fontSize(9).text('Confidential: for A school’s leadership — “quotes”, ½ and €.')
    doc.font('Helvetica-Bold', 20).text('A school: Cycle 2026', { width: 500 })
    doc.font('Helvetica-Oblique').fontSize(9).text('Earlier cycles used a different version. '.repeat(12), { width: 300 })
    doc.font('Helvetica').text(`height ${doc.heightOfString('Wrapped and measured '.repeat(20), { width: 200 })}`)
    doc.font('Helvetica-Bold').text('Kerned pairs: AVATAR, Type, Yo, WAVE, LT, P. F, r. y, “Quoted”.', { width: 200 })
    SVGtoPDF(doc, svg, 54, doc.y + 6, { width: 400, height: 200, assumePt: true })
    doc.addPage().font('Times-Roman', 11).text('A second page in another standard font.')
    const range = doc.bufferedPageRange()
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i)
      doc.font('Helvetica').fontSize(8).text(`page ${i + 1} of ${range.count}`, 54, doc.page.height - 36, { lineBreak: false })
    }
  }
}

test('a document sharing standard font metrics writes exactly the bytes a plain pdfkit document writes', async () => {
  const svg = await areaBenchmarkSvg(rows)
  const options = { size: 'LETTER' as const, margin: 54, bufferPages: true, info }
  const tagged = { ...options, tagged: true, lang: 'en-US', displayTitle: true, pdfVersion: '1.7' as const }
  // Twice over: the second shared document uses metrics the first one's fonts left behind; and tagged, as reports are.
  for (const round of [options, options, tagged]) {
    const plain = await pdfOf(new PDFDocument(round), drawReportLike(svg))
    const shared = await pdfOf(new SharedFontDocument(round), drawReportLike(svg))
    expect(shared.equals(plain)).toBe(true)
  }
})

test('the chart without its page-only attributes draws exactly the same PDF', async () => {
  const svg = await areaBenchmarkSvg(rows)
  const stripped = withoutNonDrawingAttributes(svg)
  expect(stripped.length).toBeLessThan(svg.length * 0.8)
  expect(stripped).not.toMatch(/aria-|role=|class=/)
  expect(stripped).toContain('Community &lt;engagement&gt;')
  const draw = (s: string) => (doc: PDFKit.PDFDocument) => SVGtoPDF(doc, s, 54, 80, { width: 400, height: 200, assumePt: true })
  const before = await pdfOf(new PDFDocument({ info }), draw(svg))
  const after = await pdfOf(new PDFDocument({ info }), draw(stripped))
  expect(after.equals(before)).toBe(true)
})

test('an SVG with a style sheet keeps its classes', () => {
  const svg = '<svg><style>.a{fill:red}</style><rect class="a" role="x" width="1" height="1"/></svg>'
  expect(withoutNonDrawingAttributes(svg)).toBe(svg)
})

test('documents do share the parsed metrics (pdfkit keeps them where this relies on it)', () => {
  const metricsOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: { font: object } })._font.font
  const a = new SharedFontDocument().font('Helvetica-Bold')
  const b = new SharedFontDocument().font('Helvetica-Bold')
  expect(metricsOf(a)).toBe(metricsOf(b))
  expect(metricsOf(new PDFDocument().font('Helvetica-Bold'))).not.toBe(metricsOf(a))
  // The default font too, which pdfkit's constructor opens.
  expect(metricsOf(new SharedFontDocument())).toBe(metricsOf(new SharedFontDocument()))
})
