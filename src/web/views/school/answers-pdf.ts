import type { answersCopy } from '../../../services/responses/response-submit'
import { answerText } from './answer-text'

// A copy of a school's answers to keep on file: every question that applies, grouped by area, with the answer,
// who gave it and when, and the certification once submitted. Drawn with pdfkit like the report, no browser.

const PAGE = { size: 'LETTER' as const, margin: 54 }
const INK = '#1b2a2f'
const MUTED = '#5b6b70'
const BRAND = '#0b5d57'
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export async function renderAnswersPdf({ access, areas }: Awaited<ReturnType<typeof answersCopy>>, now = new Date()): Promise<Buffer> {
  const { SharedFontDocument } = await import('./shared-font-document') // pdfkit loads at the first PDF, not at start
  const title = `${access.schoolName}: ${access.cycleTitle}`
  const doc = new SharedFontDocument({ size: PAGE.size, margin: PAGE.margin, bufferPages: true, lang: 'en-US', displayTitle: true, info: { Title: `Answers of ${title}` } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  const width = doc.page.width - 2 * PAGE.margin

  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(`Confidential: ${access.schoolName}’s answers, for its team and the program team.`)
  doc.moveDown(0.3).fillColor(BRAND).font('Helvetica-Bold').fontSize(20).text(title, { width })
  const status =
    access.status === 'submitted' && access.submittedAt
      ? `Submitted ${DATE_TIME.format(access.submittedAt)} UTC and certified by ${access.certifiedByName ?? 'the school’s leader'}.`
      : `Not submitted yet: a draft copy made ${DATE.format(now)}. Answers may still change.`
  doc.moveDown(0.2).fillColor(INK).font('Helvetica').fontSize(11).text(status, { width })

  for (const area of areas) {
    if (area.questions.length === 0) continue
    if (doc.y > doc.page.height - PAGE.margin - 90) doc.addPage()
    doc.moveDown(1).fillColor(BRAND).font('Helvetica-Bold').fontSize(13).text(area.title, PAGE.margin, doc.y, { width })
    doc.fillColor(MUTED).font('Helvetica').fontSize(8.5).text(area.domainTitle, { width })
    for (const q of area.questions) {
      if (doc.y > doc.page.height - PAGE.margin - 60) doc.addPage()
      doc.moveDown(0.5).fillColor(INK).font('Helvetica-Bold').fontSize(10).text(`${q.number}  ${q.item.text}`, PAGE.margin, doc.y, { width })
      doc.font('Helvetica').fontSize(10).text(answerText(q.item, q.stored?.value), { width, indent: 14 })
      if (q.stored?.note) doc.fillColor(MUTED).fontSize(9).text(`Note: ${q.stored.note}`, { width, indent: 14 })
      if (q.stored?.evidenceUrl) doc.fillColor(MUTED).fontSize(9).text(`Evidence: ${q.stored.evidenceUrl}`, { width, indent: 14 })
      if (q.by && q.at) doc.fillColor(MUTED).fontSize(8.5).text(`Answered by ${q.by}, ${DATE_TIME.format(q.at)} UTC`, { width, indent: 14 })
    }
  }

  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    doc.page.margins.bottom = 0 // writing in the bottom margin would otherwise start a new page
    doc.fillColor(MUTED).font('Helvetica').fontSize(8).text(`${title} · page ${i + 1} of ${range.count}`, PAGE.margin, doc.page.height - 36, { width, align: 'center', lineBreak: false })
  }
  doc.end()
  return done
}
