import type { Placement } from '../../../domain/benchmark/comparison-groups'
import type { Driver, ReportView } from '../../../services/reports/report-view'
import { answerText } from './answer-text'
import { artifact, BRAND, ensureRoom, list, MUTED, PAGE, paragraph, section, table, type Column } from './report-pdf-tagged'
import {
  chartDescription, groupLine, importedTrendNote, meaningSentence, methodParagraphs, NOT_ENOUGH, placementPlain, revisionNotice, scoreText, snapshotLine,
  trendColumnLabel, trendNote,
} from './report-text'

// The same report as the page, as a PDF a dean can hand to a board: drawn with pdfkit, the chart being the very
// SVG the page shows, converted by svg-to-pdfkit. No browser involved.

type Doc = PDFKit.PDFDocument

/**
 * The report for reading on paper: an executive summary first (with the domains), then the areas (table, chart,
 * the answers behind each score) and trend, a methods appendix and the action plan. A tagged PDF: headings,
 * paragraphs, lists and tables are structure elements and the chart is a figure with its numbers as alt text.
 */
export async function renderReportPdf(view: ReportView, chartSvg: string): Promise<Buffer> {
  // Loaded at the first PDF, not at start: they cost a few hundred ms to load and most processes never draw one.
  const [{ default: SVGtoPDF }, { SharedFontDocument }] = await Promise.all([import('svg-to-pdfkit'), import('./shared-font-document')])
  const doc = new SharedFontDocument({
    size: PAGE.size, margin: PAGE.margin, bufferPages: true, tagged: true, lang: 'en-US', displayTitle: true, pdfVersion: '1.7',
    info: { Title: `${view.school.name}: ${view.cycle.title}` },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - 2 * PAGE.margin
  const root = doc.struct('Document')
  doc.addStructure(root)

  paragraph(doc, root, `Confidential: for ${view.school.name}’s leadership and the program team.`, { size: 9, color: MUTED })
  doc.moveDown(0.3)
  root.add(doc.struct('Title', {}, () => doc.fillColor(BRAND).font('Helvetica-Bold').fontSize(20).text(`${view.school.name}: ${view.cycle.title}`, { width })))
  doc.moveDown(0.2)
  paragraph(doc, root, snapshotLine(view), { size: 9, color: MUTED })
  if (!view.released) paragraph(doc, root, 'Not released yet: only the program team can see this report.', { size: 10, font: 'Helvetica-Bold' })
  const revised = revisionNotice(view)
  if (revised) paragraph(doc, root, revised, { size: 10, font: 'Helvetica-Bold' })

  summarySection(doc, root, view)
  areasSection(doc, root, view, chartSvg, (svg, x, y, options) => SVGtoPDF(doc, svg, x, y, options))
  driversSection(doc, root, view)

  trendSection(doc, root, view)

  const methods = section(doc, root, 'Appendix: how the comparison works')
  for (const m of methodParagraphs(view)) {
    const part = section(doc, methods, m.title, 2)
    paragraph(doc, part, m.text)
    part.end()
  }
  methods.end()

  planSection(doc, root, view)
  root.end()

  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    doc.page.margins.bottom = 0
    const footer = `Confidential · ${view.school.name} · ${view.cycle.title} · page ${i + 1} of ${range.count}`
    artifact(doc, () => doc.fillColor(MUTED).font('Helvetica').fontSize(8).text(footer, PAGE.margin, doc.page.height - 36, { width, align: 'center', lineBreak: false }))
  }
  doc.end()
  return done
}

/** A result in a table cell: quartile and stars in words, then the group's size and median. */
const resultCell = (p: Placement) => `${placementPlain(p)}\n${groupLine(p)}`

function summarySection(doc: Doc, root: PDFKit.PDFStructureElement, view: ReportView) {
  const summary = section(doc, root, 'Executive summary')
  paragraph(doc, summary, `Overall score: ${scoreText(view.overall.score)} of 100.`, { size: 11, font: 'Helvetica-Bold' })
  for (const [label, p, requested] of [['all schools', view.overall.vsAll, 'all'], ['your discipline', view.overall.vsDiscipline, 'discipline']] as const) {
    doc.moveDown(0.3)
    paragraph(doc, summary, meaningSentence(p, requested), { size: 11 })
    paragraph(doc, summary, `Vs ${label}: ${placementPlain(p)} · group: ${groupLine(p)}`, { size: 9, color: MUTED })
  }
  doc.moveDown(0.4)
  paragraph(doc, summary, `Strongest areas: ${view.strongest.map((a) => `${a.title} (${scoreText(a.score)})`).join('; ') || '—'}`)
  paragraph(doc, summary, `Weakest areas: ${view.weakest.map((a) => `${a.title} (${scoreText(a.score)})`).join('; ') || '—'}`)
  const recommended = view.weakest.flatMap((a) => (view.resources.get(a.id) ?? []).map((r) => ({ text: `${r.title} (for ${a.title})`, detail: r.summary || undefined })))
  if (recommended.length > 0) {
    doc.moveDown(0.3)
    paragraph(doc, summary, 'Recommended resources (in the toolkits on the program’s website):', { font: 'Helvetica-Bold' })
    list(doc, summary, recommended)
  }
  const domains = section(doc, summary, 'Domains', 2)
  table(doc, domains, [{ label: 'Domain', width: 220 }, { label: 'Score', width: 50, align: 'right' }, { label: 'Vs all schools', width: 234 }],
    view.domains.map((d) => [d.title, scoreText(d.score), resultCell(d.vsAll)]))
  domains.end()
  summary.end()
}

type DrawSvg = (svg: string, x: number, y: number, options: { width: number; height: number; assumePt: boolean }) => void

function areasSection(doc: Doc, root: PDFKit.PDFStructureElement, view: ReportView, chartSvg: string, drawSvg: DrawSvg) {
  doc.addPage() // the executive summary keeps the first page to itself
  const areas = section(doc, root, 'Areas')
  paragraph(doc, areas, 'Each area is compared with similar schools and with all schools; with fewer than 5 similar schools, your discipline is used instead.', { size: 9, color: MUTED })
  doc.moveDown(0.3)
  const showTargets = view.areas.some((a) => a.previousTarget !== null)
  const areaColumns: Column[] = [
    { label: 'Area', width: showTargets ? 150 : 190 },
    { label: 'Score', width: 45, align: 'right' },
    ...(showTargets ? [{ label: 'Target', width: 40, align: 'right' as const }] : []),
    { label: 'Vs similar schools', width: showTargets ? 135 : 140 },
    { label: 'Vs all schools', width: 134 },
  ]
  table(doc, areas, areaColumns, view.areas.map((a) => [
    a.title, scoreText(a.score), ...(showTargets ? [a.previousTarget === null ? '—' : String(a.previousTarget)] : []), resultCell(a.vsSimilar), resultCell(a.vsAll),
  ]))

  const svgSize = sizeOf(chartSvg)
  const width = doc.page.width - 2 * PAGE.margin
  const scale = Math.min(1, width / svgSize.width)
  ensureRoom(doc, 70 + svgSize.height * scale)
  const chart = section(doc, areas, 'Your score per area against similar schools', 2)
  paragraph(doc, chart, `Blue diamond: your school. Grey band: middle half of the group. Dark tick: group median. Rows without a band: ${NOT_ENOUGH.toLowerCase()}.`, { size: 8.5, color: MUTED })
  const top = doc.y + 6
  // Without its own width and height the SVG fills the viewport given here, scaled by its viewBox.
  const fitted = withoutNonDrawingAttributes(chartSvg.replace(/(<svg[^>]*?)\swidth="[\d.]+"\sheight="[\d.]+"/, '$1'))
  chart.add(doc.struct('Figure', { alt: `Chart of your score per area against similar schools. ${chartDescription(view)}` }, () => {
    drawSvg(fitted, PAGE.margin, top, { width: svgSize.width * scale, height: svgSize.height * scale, assumePt: true })
  }))
  doc.x = PAGE.margin
  doc.y = top + svgSize.height * scale + 8
  chart.end()
  areas.end()
}

function driversSection(doc: Doc, root: PDFKit.PDFStructureElement, view: ReportView) {
  const drivers = section(doc, root, 'What drove each area’s score')
  for (const area of view.areas) {
    const part = section(doc, drivers, `${area.title}: ${scoreText(area.score)}`, 2)
    paragraph(doc, part, meaningSentence(area.vsSimilar, 'similar', `In ${area.title}, your school`), { size: 9.5 })
    paragraph(doc, part, `Group: ${groupLine(area.vsSimilar)}. Against all schools: ${groupLine(area.vsAll)}.`, { size: 8.5, color: MUTED })
    const answers = (title: string, list_: Driver[]) => {
      if (list_.length === 0) return
      paragraph(doc, part, title, { size: 9.5, font: 'Helvetica-Bold' })
      list(doc, part, list_.map((d) => ({ text: d.item.text, detail: `Your answer: ${answerText(d.item, d.answer)}` })), { size: 9 })
    }
    answers('Answers that earned full points', area.drivers.full)
    answers('Answers that earned no points', area.drivers.none)
    if (area.drivers.partly > 0) paragraph(doc, part, `${area.drivers.partly === 1 ? '1 more answer' : `${area.drivers.partly} more answers`} earned part of the points.`, { size: 9 })
    for (const r of view.resources.get(area.id) ?? []) paragraph(doc, part, `Recommended resource: ${r.title}`, { size: 9 })
    part.end()
  }
  drivers.end()
}

function trendSection(doc: Doc, root: PDFKit.PDFStructureElement, view: ReportView) {
  const trend = section(doc, root, 'Trend')
  if (view.trend.length < 2) paragraph(doc, trend, 'This is your school’s first scored cycle: its trend starts here.', { color: MUTED })
  else {
    if (view.trend.some((t) => t.versionDiffers)) paragraph(doc, trend, trendNote, { size: 9, color: MUTED, font: 'Helvetica-Oblique' })
    if (view.trend.some((t) => t.importedYear !== null)) paragraph(doc, trend, importedTrendNote, { size: 9, color: MUTED, font: 'Helvetica-Oblique' })
    const width = doc.page.width - 2 * PAGE.margin
    const shown = view.trend.slice(-4) // the last four cycles fit the page width
    const columnWidth = Math.floor((width - 170) / shown.length)
    table(doc, trend, [{ label: 'Area', width: 170 }, ...shown.map((t) => ({ label: trendColumnLabel(t), width: columnWidth, align: 'right' as const }))], [
      ['Overall', ...shown.map((t) => scoreText(t.overall))],
      ...view.areas.map((a) => [a.title, ...shown.map((t) => scoreText(t.areas?.[a.id] ?? null))]),
    ])
  }
  trend.end()
}

function planSection(doc: Doc, root: PDFKit.PDFStructureElement, view: ReportView) {
  const plan = section(doc, root, 'Action plan')
  const planned = view.areas.filter((a) => a.plan)
  if (planned.length === 0) paragraph(doc, plan, 'No action plan yet. Your school’s leaders can set targets and actions on the report page.', { color: MUTED })
  else list(doc, plan, planned.map((a) => ({ text: `${a.title}: target ${a.plan!.target ?? '—'} (now ${scoreText(a.score)})`, detail: a.plan!.actions || undefined })))
  plan.end()
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
