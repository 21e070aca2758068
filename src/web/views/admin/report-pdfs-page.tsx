import { When } from '../format'
import { JobProgressPanel, type JobProgressRow } from './job-progress-panel'

const TEXT = { runningHeading: 'Preparing the report PDFs', doneHeading: 'Report PDFs ready', failedHeading: 'Preparing the PDFs stopped', noun: 'report PDFs prepared' }

export const reportPdfsPath = (cycleId: string) => `/admin/cycles/${cycleId}/reports/pdfs`

/**
 * "Prepare every report as PDF": what the zip will hold, a confirm button (decision 110), the job's live progress
 * while it runs (decision 111) and, once a run finished, the zip to download.
 */
export function ReportPdfsPage({ cycleId, cycleTitle, count, progress }: { cycleId: string; cycleTitle: string; count: number; progress: JobProgressRow | null }) {
  const running = progress?.status === 'running'
  return (
    <>
      <p>
        <a href={`/admin/cycles/${cycleId}/reports`}>← Reports: {cycleTitle}</a>
      </p>
      <h1>Every report of {cycleTitle} as PDF</h1>
      <JobProgressPanel id="pdf-progress" url={`/admin/cycles/${cycleId}/progress/pdfs`} pageHref={reportPdfsPath(cycleId)} progress={progress} text={TEXT} />
      {progress?.status === 'done' && (
        <p>
          <a class="button" href={`${reportPdfsPath(cycleId)}.zip`} download>Download all reports of the cycle (zip)</a>
          <span class="hint"> {progress.total} PDFs, one per school, named by the school, as prepared <When at={progress.finishedAt} />. Identified:
            for the program team only. The download is recorded in the audit log.</span>
        </p>
      )}
      {count === 0 ? (
        <p>No report of this cycle is scored yet, so there is nothing to prepare.</p>
      ) : !running && (
        <form method="post" action={reportPdfsPath(cycleId)}>
          <p>
            {count} scored {count === 1 ? 'report' : 'reports'}, released or not, each drawn exactly as its school downloads it. This runs in the
            background on every processor core; you may leave this page.{progress?.status === 'done' ? ' Preparing again replaces the zip above.' : ''}
          </p>
          <div class="button-group">
            <button type="submit" class="button" data-job-button>
              Prepare {count} report {count === 1 ? 'PDF' : 'PDFs'}
            </button>
            <a href={`/admin/cycles/${cycleId}/reports`}>Cancel</a>
          </div>
        </form>
      )}
    </>
  )
}
