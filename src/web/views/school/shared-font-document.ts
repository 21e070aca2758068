import PDFDocument from 'pdfkit'

// pdfkit builds each standard font's metrics (a glyph-width table and ~2,700 kerning pairs per font) anew for
// every document that uses the font: 2–3 fonts per report PDF, several ms and much garbage per report (decision
// 074). The metrics never change, so this document takes each standard font from a template made once per process
// and gives it only what belongs to a document (the document and the font's resource id). Everything else pdfkit
// does, and so the PDF's bytes, stay the same (proved against a plain PDFDocument in the test beside this file).

const STANDARD_FONTS = new Set([
  'Courier', 'Courier-Bold', 'Courier-BoldOblique', 'Courier-Oblique', 'Helvetica', 'Helvetica-Bold', 'Helvetica-BoldOblique',
  'Helvetica-Oblique', 'Symbol', 'Times-Bold', 'Times-BoldItalic', 'Times-Italic', 'Times-Roman', 'ZapfDingbats',
])

// pdfkit's own (untyped) font bookkeeping, as version 0.20 keeps it.
type FontBook = { _fontFamilies: Record<string, object>; _fontCount: number; _registeredFonts: Record<string, unknown>; _font: object }

type Metrics = { kernPairs: Record<string, number>; getKernPair: (left: string, right: string | undefined) => number }

/**
 * pdfkit looks up the kerning of every pair of glyphs it measures or draws by a joined string key, a new string per
 * pair. The shared metrics (and only they: pdfkit's own class is untouched) answer from a map per left glyph instead.
 */
function withKerningByGlyph(metrics: Metrics) {
  const byLeft = new Map<string, Map<string, number>>()
  for (const [pair, amount] of Object.entries(metrics.kernPairs)) {
    const [left, right] = pair.split('\u0000') as [string, string]
    let rights = byLeft.get(left)
    if (!rights) byLeft.set(left, (rights = new Map()))
    rights.set(right, amount)
  }
  metrics.getKernPair = (left, right) => (right === undefined ? undefined : byLeft.get(left)?.get(right)) || 0
}

const templates = new Map<string, object>()
function templateOf(name: string): object {
  let template = templates.get(name)
  if (!template) {
    // A document that draws nothing: its font object has the metrics and no document state yet.
    template = (new PDFDocument({ font: name, autoFirstPage: false }) as unknown as FontBook)._font
    withKerningByGlyph((template as { font: Metrics }).font)
    templates.set(name, template)
  }
  return template
}

/** A pdfkit document whose standard fonts share their parsed metrics with every other such document. */
export class SharedFontDocument extends PDFDocument {
  override font(src: PDFKit.Mixins.PDFFontSource, family?: string | number | null, size?: number): this {
    const book = this as unknown as FontBook
    if (typeof src === 'string' && STANDARD_FONTS.has(src) && (family == null || typeof family === 'number') && !book._registeredFonts[src] && !book._fontFamilies[src]) {
      // What pdfkit's font() would make, in the order it would make it (same resource id), minus re-reading metrics.
      const template = templateOf(src)
      book._fontFamilies[src] = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as object, template, { document: this, id: `F${++book._fontCount}` })
    }
    return (super.font as (src: unknown, family?: unknown, size?: unknown) => this)(src, family, size)
  }
}
