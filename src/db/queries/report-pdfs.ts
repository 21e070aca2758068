import { and, asc, eq, gt, isNotNull, ne, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { jobProgress } from '../schema/job-progress'
import { reportPdfs } from '../schema/report-pdfs'
import { schools } from '../schema/schools'
import { responseScores } from '../schema/scoring'

/** Stores one report's PDF of a run; a second store of the same report (a retried job) changes nothing. */
export async function insertReportPdf(db: Db, values: typeof reportPdfs.$inferInsert) {
  await db.insert(reportPdfs).values(values).onConflictDoNothing()
}

/** The reports a run already stored, so a retried job renders only the rest. */
export async function storedReportPdfIds(db: Db, progressId: string) {
  const rows = await db.select({ responseId: reportPdfs.responseId }).from(reportPdfs).where(eq(reportPdfs.progressId, progressId))
  return new Set(rows.map((r) => r.responseId))
}

/** One page of a run's PDFs by file name (keyset), so a zip of 2,000 is streamed without holding them all. */
export function reportPdfPage(db: Db, progressId: string, afterName: string, limit: number) {
  return db.select({ fileName: reportPdfs.fileName, pdf: reportPdfs.pdf }).from(reportPdfs)
    .where(and(eq(reportPdfs.progressId, progressId), gt(reportPdfs.fileName, afterName)))
    .orderBy(asc(reportPdfs.fileName)).limit(limit)
}

/** Removes the PDFs of the earlier runs of a kind on a subject: only the newest run's zip is kept. */
export async function deleteOlderReportPdfs(db: Db, kind: string, subject: string, keepProgressId: string) {
  await db.delete(reportPdfs).where(sql`${reportPdfs.progressId} in (${db.select({ id: jobProgress.id }).from(jobProgress)
    .where(and(eq(jobProgress.kind, kind), eq(jobProgress.subject, subject), ne(jobProgress.id, keepProgressId)))})`)
}

/** The reports of a cycle that have scores against a frozen snapshot (what a report shows), by school name. */
export function reportsWithSnapshot(db: Db, cycleId: string) {
  return db.select({ responseId: responseScores.responseId, schoolName: schools.name }).from(responseScores)
    .innerJoin(schools, eq(schools.id, responseScores.schoolId))
    .where(and(eq(responseScores.cycleId, cycleId), isNotNull(responseScores.snapshotId)))
    .orderBy(asc(schools.name), asc(responseScores.responseId))
}
