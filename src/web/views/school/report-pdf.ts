import type { ReportView } from '../../../services/reports/report-view'
import { importedTrendNote, NOT_ENOUGH, placementPlain, revisionNotice, scoreText, snapshotLine, trendColumnLabel, trendNote } from './report-text'

// The same report as the page, as a PDF a dean can hand to a board: drawn with pdfkit, the chart being the very
// SVG the page shows, converted by svg-to-pdfkit. No browser involved.

const PAGE = { size: 'LETTER' as const, margin: 54 }
const INK = '#1b2a2f'
const MUTED = '#5b6b70'
const BRAND = '#0b5d57'
type Doc = PDFKit.PDFDocument
type Column = { label: string; width: number; align?: 'left' | 'right' }

export async function renderReportPdf(view: ReportView, chartSvg: string): Promise<Buffer> {
  // Loaded at the first PDF, not at start: they cost a few hundred ms to load and most processes never draw one.
  const [{ default: SVGtoPDF }, { SharedFontDocument }] = await Promise.all([import('svg-to-pdfkit'), import('./shared-font-document')])
  const doc = new SharedFontDocument({ size: PAGE.size, margin: PAGE.margin, bufferPages: true, info: { Title: `${view.school.name}: ${view.cycle.title}` } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - 2 * PAGE.margin

  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`Confidential: for ${view.school.name}’s leadership and the program team.`)
  doc.moveDown(0.3).fillColor(BRAND).font('Helvetica-Bold').fontSize(20).text(`${view.school.name}: ${view.cycle.title}`, { width })
  doc.moveDown(0.2).fillColor(MUTED).font('Helvetica').fontSize(9).text(snapshotLine(view), { width })
  const revised = revisionNotice(view)
  if (revised) doc.moveDown(0.4).fillColor(INK).font('Helvetica-Bold').fontSize(10).text(revised, { width })

  heading(doc, 'Overall result')
  doc.fillColor(INK).font('Helvetica').fontSize(11).text(`Overall score: ${scoreText(view.overall.score)} of 100`)
  doc.text(`Vs all schools: ${placementPlain(view.overall.vsAll)}`)
  doc.text(`Vs your discipline: ${placementPlain(view.overall.vsDiscipline)}`)

  heading(doc, 'Areas')
  const showTargets = view.areas.some((a) => a.previousTarget !== null)
  const areaColumns: Column[] = [
    { label: 'Area', width: showTargets ? 150 : 190 },
    { label: 'Score', width: 45, align: 'right' },
    ...(showTargets ? [{ label: 'Target', width: 40, align: 'right' as const }] : []),
    { label: 'Vs similar schools', width: showTargets ? 135 : 140 },
    { label: 'Vs all schools', width: 134 },
  ]
  table(doc, areaColumns, view.areas.map((a) => [
    a.title, scoreText(a.score), ...(showTargets ? [a.previousTarget === null ? '—' : String(a.previousTarget)] : []), placementPlain(a.vsSimilar), placementPlain(a.vsAll),
  ]))

  ensureRoom(doc, 60 + view.areas.length * 22)
  heading(doc, 'Your score per area against similar schools')
  doc.fillColor(MUTED).font('Helvetica').fontSize(8.5).text(`Blue diamond: your school. Grey band: middle half of the group. Dark tick: group median. Rows without a band: ${NOT_ENOUGH.toLowerCase()}.`, { width })
  const top = doc.y + 6
  const svgSize = sizeOf(chartSvg)
  const scale = Math.min(1, width / svgSize.width)
  // Without its own width and height the SVG fills the viewport given here, scaled by its viewBox.
  const fitted = withoutNonDrawingAttributes(chartSvg.replace(/(<svg[^>]*?)\swidth="[\d.]+"\sheight="[\d.]+"/, '$1'))
  SVGtoPDF(doc, fitted, PAGE.margin, top, { width: svgSize.width * scale, height: svgSize.height * scale, assumePt: true })
  doc.x = PAGE.margin
  doc.y = top + svgSize.height * scale + 8

  heading(doc, 'Domains')
  table(doc, [{ label: 'Domain', width: 260 }, { label: 'Score', width: 60, align: 'right' }, { label: 'Vs all schools', width: 184 }],
    view.domains.map((d) => [d.title, scoreText(d.score), placementPlain(d.vsAll)]))

  heading(doc, 'Strongest and weakest areas')
  doc.fillColor(INK).font('Helvetica').fontSize(10)
  doc.text(`Strongest: ${view.strongest.map((a) => `${a.title} (${scoreText(a.score)})`).join('; ') || '—'}`, { width })
  doc.text(`Weakest: ${view.weakest.map((a) => `${a.title} (${scoreText(a.score)})`).join('; ') || '—'}`, { width })
  for (const area of view.weakest) {
    for (const r of view.resources.get(area.id) ?? []) doc.fillColor(MUTED).fontSize(9).text(`Resource for ${area.title}: ${r.title}`, { width })
  }

  heading(doc, 'Trend')
  if (view.trend.length < 2) doc.fillColor(MUTED).font('Helvetica').fontSize(10).text('This is your school’s first scored cycle: its trend starts here.')
  else {
    if (view.trend.some((t) => t.versionDiffers)) doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(9).text(trendNote, { width })
    if (view.trend.some((t) => t.importedYear !== null)) doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(9).text(importedTrendNote, { width })
    const shown = view.trend.slice(-4) // the last four cycles fit the page width
    const columnWidth = Math.floor((width - 170) / shown.length)
    table(doc, [{ label: 'Area', width: 170 }, ...shown.map((t) => ({ label: trendColumnLabel(t), width: columnWidth, align: 'right' as const }))], [
      ['Overall', ...shown.map((t) => scoreText(t.overall))],
      ...view.areas.map((a) => [a.title, ...shown.map((t) => scoreText(t.areas?.[a.id] ?? null))]),
    ])
  }

  const planned = view.areas.filter((a) => a.plan)
  if (planned.length > 0) {
    heading(doc, 'Action plan')
    for (const a of planned) doc.fillColor(INK).font('Helvetica').fontSize(10).text(`${a.title}: target ${a.plan!.target ?? '—'}. ${a.plan!.actions}`, { width })
  }

  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    doc.page.margins.bottom = 0
    const footer = `Confidential · ${view.school.name} · ${view.cycle.title} · page ${i + 1} of ${range.count}`
    doc.fillColor(MUTED).font('Helvetica').fontSize(8).text(footer, PAGE.margin, doc.page.height - 36, { width, align: 'center', lineBreak: false })
  }
  doc.end()
  return done
}

function heading(doc: Doc, text: string) {
  ensureRoom(doc, 60)
  doc.x = PAGE.margin
  doc.moveDown(0.9).fillColor(BRAND).font('Helvetica-Bold').fontSize(13).text(text)
  doc.moveDown(0.3)
}

function table(doc: Doc, columns: Column[], rows: string[][]) {
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: columns[i]!.width - 6 }))) + 5
    ensureRoom(doc, height)
    const y = doc.y
    let x = PAGE.margin
    cells.forEach((cell, i) => {
      doc.fillColor(bold ? BRAND : INK).text(cell, x, y, { width: columns[i]!.width - 6, align: columns[i]!.align ?? 'left' })
      x += columns[i]!.width
    })
    doc.x = PAGE.margin
    doc.y = y + height
  }
  row(columns.map((c) => c.label), true)
  for (const r of rows) row(r, false)
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - PAGE.margin - 10) doc.addPage()
}

// The chart's accessibility and styling hooks (aria-*, role, class, pointer-events) are for the page; svg-to-pdfkit
// draws nothing from them (it reads no CSS) but parses each one, a third of the SVG's characters. Attribute values
// are escaped by vega (no raw ">" or '"'), so a tag ends at the first ">". Classes only matter to a <style> sheet,
// which vega's charts do not have; an SVG with one is left whole.
const NON_DRAWING = /\s(?:aria-[\w-]+|role|class|pointer-events)="[^"]*"/g
export const withoutNonDrawingAttributes = (svg: string) =>
  svg.includes('<style') ? svg : svg.replace(/<[^>]+>/g, (tag) => tag.replace(NON_DRAWING, ''))

const sizeOf = (svg: string) => {
  const w = /<svg[^>]*\swidth="([\d.]+)"/.exec(svg)
  const h = /<svg[^>]*\sheight="([\d.]+)"/.exec(svg)
  return { width: Number(w?.[1] ?? 500), height: Number(h?.[1] ?? 300) }
}
