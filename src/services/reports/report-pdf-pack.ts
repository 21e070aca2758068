import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { advanceProgress, finishProgress, latestProgress, resumeProgress, startProgress } from '../../db/queries/job-progress'
import { deleteOlderReportPdfs, insertReportPdf, reportPdfPage, reportsWithSnapshot, storedReportPdfIds } from '../../db/queries/report-pdfs'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { JOB_NAMES, type JobQueue } from '../jobs'
import type { ByteSink } from '../research/formats/dataset'
import { writeZip, type ZipEntry } from '../research/export-zip'
import { reportPdfFileNames } from './report-pdf-names'
import type { ReportPdfRenderers } from './report-pdf-renderer'
import { reportViewForProgramTeam } from './report-view'

// "Prepare every report as PDF" (decision 170): the program team's one zip of a cycle's reports, one PDF per
// school named by the school. Made by a background job with live progress (decision 111); downloading it is an
// identified export of school results, so admins only and audited like the scores CSV.

export const REPORT_PDFS_KIND = 'report.pdfs'
/** Reports read ahead of the one being handed to the drawing threads (measured: decision 170's addendum). */
const READ_AHEAD = 3

/** What the confirmation page says: how many reports the zip would hold, and the newest run if there is one. */
export async function reportPdfPackFacts(db: Db, actor: Actor, cycleId: string) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const progress = (await latestProgress(db, REPORT_PDFS_KIND, cycleId)) ?? null
  return { cycleId, cycleTitle: cycle.title, count: (await reportsWithSnapshot(db, cycleId)).length, progress }
}

/** Starts the job; refused while one runs or when no report is scored yet. */
export async function startReportPdfPack(db: Db, jobs: JobQueue, actor: Actor, cycleId: string, ip: string | null) {
  return db.transaction(async (tx) => {
    const { count, cycleTitle, progress } = await reportPdfPackFacts(tx, actor, cycleId)
    if (count === 0) throw new AppError('report.pdfs.nothing', 'No report of this cycle is scored yet, so there is nothing to prepare.', 409)
    if (progress?.status === 'running') throw new AppError('report.pdfs.running', 'The reports of this cycle are being prepared already; this page shows how far it has got.', 409)
    const progressId = await startProgress(tx, REPORT_PDFS_KIND, cycleId, count)
    await jobs.send(tx, JOB_NAMES.prepareReportPdfs, { cycleId, progressId })
    await recordAudit(tx, actor, 'cycle.report-pdfs-started', { subject: cycleId, details: { reports: count } }, { ip })
    return { count, cycleTitle }
  })
}

/**
 * The background half: this thread reads each report from the database while the renderer's workers draw the
 * ones read before (at most two per worker waiting), and every PDF is stored as it comes back, advancing the
 * progress row. Safe to run twice: reports this run already stored are skipped. Once done, earlier runs' PDFs go.
 */
export async function prepareReportPdfs(db: Db, renderers: ReportPdfRenderers, job: { cycleId: string; progressId: string }, now = () => new Date()) {
  const renderer = renderers()
  const inFlight = new Set<Promise<void>>()
  let failure: unknown = null
  try {
    const reports = await reportsWithSnapshot(db, job.cycleId)
    const names = reportPdfFileNames(reports.map((r) => r.schoolName))
    const stored = await storedReportPdfIds(db, job.progressId)
    // A retry (pg-boss tries again after a failure) shows as running, so nobody starts a second run meanwhile.
    await resumeProgress(db, job.progressId)
    const toDraw = [...reports.entries()].filter(([, report]) => !stored.has(report.responseId))
    // Reading a report is a dozen short statements, mostly waiting on the database: the next ones are read while
    // this one is handed over, so the drawing threads are not kept waiting on one read at a time.
    const reads = toDraw.map(([, report]) => () => reportViewForProgramTeam(db, report.responseId))
    const ahead: Promise<Awaited<ReturnType<typeof reportViewForProgramTeam>>>[] = []
    const readAhead = () => {
      while (ahead.length < READ_AHEAD && reads.length > 0) {
        const read = reads.shift()!()
        read.catch(() => undefined) // awaited below in order; this only keeps an abandoned read from going unhandled
        ahead.push(read)
      }
    }
    for (const [i, report] of toDraw) {
      readAhead()
      const view = await ahead.shift()!
      if (failure) break
      const drawn = (view ? renderer.render(view).then((pdf) => insertReportPdf(db, { progressId: job.progressId, responseId: report.responseId, fileName: names[i]!, pdf: Buffer.from(pdf) })) : Promise.resolve())
        .then(() => advanceProgress(db, job.progressId, 1))
        .catch((err: unknown) => { failure ??= err })
      inFlight.add(drawn)
      void drawn.finally(() => inFlight.delete(drawn))
      if (inFlight.size >= renderer.size * 2) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
    if (failure) throw failure
    await deleteOlderReportPdfs(db, REPORT_PDFS_KIND, job.cycleId, job.progressId)
    await finishProgress(db, job.progressId, now())
  } catch (err) {
    await Promise.all(inFlight)
    await finishProgress(db, job.progressId, now(), err instanceof Error ? err.message : String(err))
    throw err
  } finally {
    await renderer.close()
  }
}

/**
 * The newest finished zip of a cycle, for download: its name and a writer that streams the zip, its PDFs read a
 * page at a time; null while no run has finished. Admins only; audited (before a byte goes) as an identified
 * export of school results.
 */
export async function reportPdfZip(db: Db, actor: Actor, cycleId: string, ip: string | null) {
  assertCan(actor, 'cycles.manage')
  const cycle = (await findCycle(db, cycleId)) ?? notFound('cycle')
  const progress = await latestProgress(db, REPORT_PDFS_KIND, cycleId)
  if (progress?.status !== 'done') return null
  await db.transaction((tx) => recordAudit(tx, actor, 'cycle.report-pdfs-exported', { subject: cycleId, details: { reports: progress.total } }, { ip }))
  const slug = cycle.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  return { filename: `reports-${slug}.zip`, write: (sink: ByteSink) => writeZip(pdfEntries(db, progress.id), sink) }
}

/** The run's PDFs as zip entries, 50 rows read at a time, stored as they are (a PDF is compressed already). */
async function* pdfEntries(db: Db, progressId: string): AsyncGenerator<ZipEntry> {
  let after = ''
  for (;;) {
    const page = await reportPdfPage(db, progressId, after, 50)
    if (page.length === 0) return
    for (const row of page) yield { name: row.fileName, stored: true, write: async (sink) => sink.write(row.pdf) }
    after = page.at(-1)!.fileName
  }
}
