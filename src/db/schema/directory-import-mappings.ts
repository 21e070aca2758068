import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { ColumnMapping } from '../../domain/school/directory-column-mapping'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'

/**
 * The column mapping an officer confirmed for one shape of directory file (its set of column names), so the next
 * file of that shape is read the same way without asking again.
 */
export const directoryImportMappings = pgTable('directory_import_mappings', {
  id: id(),
  headerKey: text('header_key').notNull().unique(),
  mapping: jsonb('mapping').$type<ColumnMapping>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
})
