import { customType, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { jobProgress } from './job-progress'

/** Raw bytes; PGlite hands back a Uint8Array and `pg` a Buffer, so both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

/**
 * The PDFs one "prepare every report as PDF" run made, one row per report, kept under the run's progress row
 * (decision 170): every web instance can serve the zip, the zip is streamed from these rows at download, and a run
 * that is retried skips what it already stored. A newer run of the same cycle replaces the older one's rows.
 */
export const reportPdfs = pgTable('report_pdfs', {
  progressId: uuid('progress_id').notNull().references(() => jobProgress.id, { onDelete: 'cascade' }),
  responseId: uuid('response_id').notNull(),
  /** The entry's name in the zip: the school's name, unique within the run. */
  fileName: text('file_name').notNull(),
  pdf: bytea('pdf').notNull(),
}, (t) => [primaryKey({ columns: [t.progressId, t.responseId] })])
