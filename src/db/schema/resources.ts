import { customType, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import type { ResourceKind } from '../../domain/resources/resource-rules'
import { createdAt, id, instant } from './columns'

/** Raw bytes; PGlite hands back a Uint8Array and `pg` a Buffer, so both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

/**
 * Toolkit pages (to encourage a school to take part) and per-area resources (linked from reports). The optional
 * file is kept in the database (at most 5 MB, checked before insert) so every web instance can serve it.
 */
export const resources = pgTable('resources', {
  id: id(),
  slug: text('slug').notNull(),
  kind: text('kind').$type<ResourceKind>().notNull(),
  areaId: text('area_id'),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  fileName: text('file_name'),
  fileType: text('file_type'),
  fileSize: integer('file_size'),
  fileData: bytea('file_data'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('resources_slug_key').on(t.slug), index('resources_kind_area_idx').on(t.kind, t.areaId)])
