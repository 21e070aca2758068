import { instrumentForDiscipline } from '../../domain/instrument/instrument-applicability'
import { OFFICE_LABELS, type Item } from '../../domain/instrument/instrument-model'
import { DISCIPLINE_LABELS, type Discipline } from '../../domain/school/school-facts'

// The paper copy schools pass around internally: one PDF per version and discipline, item ids printed beside
// every question so whoever types the answers in later finds the right field. Drawn with pdfkit, no browser.

const PAGE = { size: 'LETTER' as const, margin: 54 }
const INK = '#1b2a2f'
const MUTED = '#5b6b70'
const BRAND = '#0b5d57'
const BOX = 9

type Doc = PDFKit.PDFDocument

export async function renderInstrumentPdf(source: Parameters<typeof instrumentForDiscipline>[0], discipline: Discipline): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit') // at the first PDF, not at start (it is slow to load)
  const instrument = instrumentForDiscipline(source, discipline)
  const doc = new PDFDocument({ size: PAGE.size, margin: PAGE.margin, bufferPages: true, info: { Title: `${instrument.title} (${DISCIPLINE_LABELS[discipline]})` } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const width = doc.page.width - 2 * PAGE.margin
  doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(20).text(instrument.title)
  doc.moveDown(0.2).fillColor(INK).font('Helvetica').fontSize(12).text(`${DISCIPLINE_LABELS[discipline]} · version ${instrument.id}`)
  if (instrument.description) doc.moveDown(0.6).fontSize(10).fillColor(MUTED).text(instrument.description, { width })
  doc
    .moveDown(0.6)
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(
      'How to use this copy: each question names the office that usually holds the answer, so sections can be passed to colleagues. ' +
        'Tick one box unless a question says "tick all that apply". Questions marked "Answer only if" apply when the earlier answer says so. ' +
        'The grey code above each question is its id: quote it when entering answers online.',
      { width },
    )

  for (const domain of instrument.domains) {
    ensureRoom(doc, 80)
    doc.moveDown(1.2)
    const y = doc.y
    doc.rect(PAGE.margin, y, width, 22).fill(BRAND)
    doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(12).text(domain.title, PAGE.margin + 8, y + 6, { width: width - 16 })
    doc.y = y + 30
    for (const area of domain.areas) {
      ensureRoom(doc, 40 + itemHeight(doc, area.items[0]!, width)) // never leave an area title alone at a page foot
      doc.moveDown(0.4).x = PAGE.margin
      doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(11.5).text(area.title, PAGE.margin, doc.y, { width })
      if (area.description) doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(area.description, { width })
      doc.moveDown(0.3)
      for (const item of area.items) drawItem(doc, item, width)
    }
  }

  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    doc.page.margins.bottom = 0 // writing in the bottom margin would otherwise start a new page
    const footer = `${instrument.id} · ${DISCIPLINE_LABELS[discipline]} · page ${i + 1} of ${range.count}`
    doc.fillColor(MUTED).font('Helvetica').fontSize(8).text(footer, PAGE.margin, doc.page.height - 36, { width, align: 'center', lineBreak: false })
  }
  doc.end()
  return done
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - PAGE.margin - 10) doc.addPage()
}

function itemHeight(doc: Doc, item: Item, width: number): number {
  doc.font('Helvetica-Bold').fontSize(10.5)
  const question = doc.heightOfString(item.text, { width })
  doc.font('Helvetica-Oblique').fontSize(8.5)
  const help = doc.heightOfString(helpLine(item), { width })
  const answer =
    item.kind === 'single-choice' || item.kind === 'multiple-choice' ? item.options.length * 15 :
    item.kind === 'table' ? (item.rows.length + 1) * 18 :
    item.kind === 'free-text' ? 54 :
    item.kind === 'likert' ? 40 : 20
  return 12 + question + help + answer + (item.showIf ? 12 : 0) + 24
}

const helpLine = (item: Item) => `Usually held by: ${OFFICE_LABELS[item.office]}.${item.help ? ` Why it matters: ${item.help}` : ''}`

function drawItem(doc: Doc, item: Item, width: number) {
  ensureRoom(doc, itemHeight(doc, item, width))
  const x = PAGE.margin
  doc.moveDown(0.5)
  doc.fillColor(MUTED).font('Courier').fontSize(8).text(`${item.id}${item.scored ? '' : '  (not scored)'}`, x, doc.y, { width })
  if (item.showIf) doc.fillColor(BRAND).font('Helvetica-Oblique').fontSize(8.5).text(`Answer only if: ${item.showIf}`, { width })
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(10.5).text(item.text, { width })
  doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(8.5).text(helpLine(item), { width })
  doc.moveDown(0.3)
  doc.fillColor(INK).font('Helvetica').fontSize(9.5)
  const escapes = [...(item.dontKnow ? ['Don’t know'] : []), ...(item.notApplicable ? ['Not applicable'] : [])]
  switch (item.kind) {
    case 'yes-no':
      boxesInRow(doc, ['Yes', 'No', ...escapes])
      break
    case 'single-choice':
    case 'multiple-choice':
      if (item.kind === 'multiple-choice') doc.fillColor(MUTED).text('Tick all that apply.', x, doc.y).fillColor(INK)
      for (const option of item.options) boxLine(doc, option.label, width)
      if (escapes.length > 0) boxesInRow(doc, escapes)
      break
    case 'likert':
      boxesInRow(doc, item.anchors.map((a, i) => `${i} ${a}`))
      if (escapes.length > 0) boxesInRow(doc, escapes)
      break
    case 'number': {
      const y = doc.y
      doc.rect(x, y, 90, 16).stroke(MUTED)
      const unit = item.unit === 'percent' ? '%' : item.unit === 'count' ? '(whole number)' : ''
      doc.text(unit, x + 96, y + 4, { lineBreak: false })
      doc.x = x
      doc.y = y + 22
      if (escapes.length > 0) boxesInRow(doc, escapes)
      break
    }
    case 'free-text': {
      const y = doc.y
      doc.rect(x, y, width, 48).stroke(MUTED)
      doc.x = x
      doc.y = y + 54
      break
    }
    case 'table':
      drawTable(doc, item, width)
      if (escapes.length > 0) boxesInRow(doc, escapes)
      break
  }
}

function boxLine(doc: Doc, label: string, width: number) {
  const x = PAGE.margin
  const y = doc.y
  doc.rect(x, y + 1, BOX, BOX).stroke(MUTED)
  doc.fillColor(INK).text(label, x + BOX + 6, y, { width: width - BOX - 6 })
  doc.x = x
  doc.y = Math.max(doc.y, y + 15)
}

function boxesInRow(doc: Doc, labels: string[]) {
  const y = doc.y
  let x = PAGE.margin
  for (const label of labels) {
    const w = doc.widthOfString(label)
    if (x + BOX + 6 + w > doc.page.width - PAGE.margin) {
      x = PAGE.margin
      doc.y += 15
    }
    doc.rect(x, doc.y + 1, BOX, BOX).stroke(MUTED)
    doc.fillColor(INK).text(label, x + BOX + 5, doc.y, { lineBreak: false })
    x += BOX + 5 + w + 18
  }
  doc.x = PAGE.margin
  doc.y = Math.max(doc.y, y) + 17
}

function drawTable(doc: Doc, item: Extract<Item, { kind: 'table' }>, width: number) {
  const x = PAGE.margin
  const labelWidth = Math.min(260, width * 0.55)
  const cellWidth = Math.min(100, (width - labelWidth) / item.columns.length)
  let y = doc.y
  doc.font('Helvetica-Bold').fontSize(8.5)
  item.columns.forEach((column, i) => doc.text(column.label, x + labelWidth + i * cellWidth + 4, y, { width: cellWidth - 8, lineBreak: false }))
  y += 14
  doc.font('Helvetica').fontSize(9)
  for (const row of item.rows) {
    doc.fillColor(INK).text(row.label, x, y + 4, { width: labelWidth - 6, lineBreak: false, ellipsis: true })
    item.columns.forEach((_, i) => doc.rect(x + labelWidth + i * cellWidth, y, cellWidth - 6, 16).stroke(MUTED))
    y += 18
  }
  doc.x = x
  doc.y = y + 4
}
