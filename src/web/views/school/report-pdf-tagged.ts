// Drawing helpers for a tagged PDF (pdfkit `tagged: true`): every heading, paragraph, list and table cell is drawn
// inside its own structure element, so screen readers and reflow tools read the report in order with its headings
// and table headers. Layout only; the wording comes from report-text.ts.

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement
export type Column = { label: string; width: number; align?: 'left' | 'right' }

export const PAGE = { size: 'LETTER' as const, margin: 54 }
export const INK = '#1b2a2f'
export const MUTED = '#5b6b70'
export const BRAND = '#0b5d57'

/**
 * Starts a new page when fewer than `height` points are left above the bottom margin. Often called inside a
 * structure element's marked content: pdfkit's `continueOnNewPage` closes it on this page and opens it again on the
 * next (a plain `addPage` would leave the new page with an unmatched EMC).
 */
export function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - PAGE.margin - 10) doc.continueOnNewPage()
}

const widthOf = (doc: Doc) => doc.page.width - 2 * PAGE.margin

/** A section of the document with its heading (H1 for the main parts, H2 inside them). */
export function section(doc: Doc, parent: Struct, title: string, level: 1 | 2 = 1): Struct {
  const sect = doc.struct('Sect')
  parent.add(sect)
  ensureRoom(doc, level === 1 ? 60 : 40)
  doc.x = PAGE.margin
  sect.add(doc.struct(level === 1 ? 'H1' : 'H2', {}, () => {
    doc.moveDown(level === 1 ? 0.9 : 0.6).fillColor(BRAND).font('Helvetica-Bold').fontSize(level === 1 ? 13 : 11).text(title, { width: widthOf(doc) })
  }))
  doc.moveDown(0.3)
  return sect
}

export type TextStyle = { size?: number; color?: string; font?: string }
const styled = (doc: Doc, { size = 10, color = INK, font = 'Helvetica' }: TextStyle) => doc.fillColor(color).font(font).fontSize(size)

/** One paragraph, wrapped to the page width. */
export function paragraph(doc: Doc, parent: Struct, text: string, style: TextStyle = {}) {
  parent.add(doc.struct('P', {}, () => {
    doc.x = PAGE.margin
    styled(doc, style).text(text, { width: widthOf(doc) })
  }))
}

/** A bulleted list: each item a first line and, if given, a second muted line (an answer, a summary). */
export function list(doc: Doc, parent: Struct, items: { text: string; detail?: string }[], style: TextStyle = {}) {
  if (items.length === 0) return
  const l = doc.struct('L')
  parent.add(l)
  for (const item of items) {
    const li = doc.struct('LI')
    l.add(li)
    li.add(doc.struct('LBody', {}, () => {
      ensureRoom(doc, 24)
      doc.x = PAGE.margin + 10
      styled(doc, style).text(`• ${item.text}`, { width: widthOf(doc) - 10 })
      if (item.detail) styled(doc, { ...style, size: (style.size ?? 10) - 1, color: MUTED }).text(item.detail, { width: widthOf(doc) - 20, indent: 8 })
      doc.moveDown(0.2)
    }))
  }
  l.end()
  doc.x = PAGE.margin
}

// pdfkit 0.20 writes a header cell's scope (the /A attribute the PDF/UA checkers ask for); its types do not list it.
const headerScope = (scope: 'Column' | 'Row') => ({ scope }) as PDFKit.Mixins.StructureElementOptions

/** A table with a header row (TH, column scope) and body rows (the first cell of each a row header). */
export function table(doc: Doc, parent: Struct, columns: Column[], rows: string[][]) {
  const t = doc.struct('Table')
  parent.add(t)
  const row = (cells: string[], header: boolean) => {
    doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }))) + 5
    ensureRoom(doc, height)
    const y = doc.y
    let x = PAGE.margin
    const tr = doc.struct('TR')
    t.add(tr)
    cells.forEach((cell, i) => {
      const left = x
      const type = header || i === 0 ? 'TH' : 'TD'
      tr.add(doc.struct(type, type === 'TH' ? headerScope(header ? 'Column' : 'Row') : {}, () => {
        doc.fillColor(header ? BRAND : INK).font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
          .text(cell, left, y, { width: columns[i]!.width - 6, align: columns[i]!.align ?? 'left' })
      }))
      x += columns[i]!.width
    })
    tr.end()
    doc.x = PAGE.margin
    doc.y = y + height
  }
  row(columns.map((c) => c.label), true)
  for (const r of rows) row(r, false)
  t.end()
}

/** Text that is not part of the content (page footers): marked as an artifact, so readers skip it. */
export function artifact(doc: Doc, draw: () => void) {
  doc.markContent('Artifact', { type: 'Pagination' })
  draw()
  doc.endMarkedContent()
}
