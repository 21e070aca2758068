import { jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { instant } from './columns'

/**
 * One imported questionnaire version (instruments/*.yaml), validated and frozen. Rows are only ever inserted:
 * a changed file must come in under a new id, so a cycle's instrument never changes under it.
 */
export const instrumentVersions = pgTable('instrument_versions', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  contentHash: text('content_hash').notNull(),
  /** The validated model (defaults settled), as the domain's `Instrument` type describes. */
  content: jsonb('content').notNull(),
  sourceFile: text('source_file').notNull(),
  importedAt: instant('imported_at').notNull().defaultNow(),
})
