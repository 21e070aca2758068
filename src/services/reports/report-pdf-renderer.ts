import type { ReportView } from './report-view'

/**
 * What "prepare every report as PDF" needs to draw reports: a report's data in, the PDF's bytes out. The runtime
 * gives a pool of worker threads (`src/jobs/report-pdf-pool.ts`), one per core, so drawing uses every core while
 * this thread reads the database (decision 170). Services know the contract only.
 */
export type ReportPdfRenderer = {
  /** How many reports it draws at once. */
  readonly size: number
  render(view: ReportView): Promise<Uint8Array>
  close(): Promise<void>
}

/** Starts a renderer for one run; the run closes it when done, so idle processes hold no threads. */
export type ReportPdfRenderers = () => ReportPdfRenderer
