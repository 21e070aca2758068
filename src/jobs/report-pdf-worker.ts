import { parentPort } from 'node:worker_threads'
import type { ReportView } from '../services/reports/report-view'
import { areaBenchmarkSvg } from '../web/charts/area-benchmark-chart'
import { renderReportPdf } from '../web/views/school/report-pdf'
import { chartRows } from '../web/views/school/report-text'

// One thread of the report PDF pool (decision 170): a report's data in, the PDF's bytes out, exactly as the PDF
// route draws it (chart, then pdfkit). No database, no audit: the job that sends the data does those.

export type RenderRequest = { id: number; view: ReportView }
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string }

parentPort!.on('message', ({ id, view }: RenderRequest) => {
  areaBenchmarkSvg(chartRows(view.areas))
    .then((svg) => renderReportPdf(view, svg))
    .then((pdf) => {
      // A copy of its own (a Buffer may share its memory), moved to the job's thread rather than copied again.
      const bytes = new Uint8Array(pdf)
      parentPort!.postMessage({ id, pdf: bytes } satisfies RenderReply, [bytes.buffer])
    })
    .catch((err: unknown) => parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies RenderReply))
})
