import { timestamp, uuid } from 'drizzle-orm/pg-core'

// Shared column shapes: UUID keys made by the database, and UTC instants.
export const id = () => uuid('id').primaryKey().defaultRandom()
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
export const createdAt = () => instant('created_at').notNull().defaultNow()
