import { pgTable, text } from 'drizzle-orm/pg-core'
import type { Discipline } from '../../domain/school/school-facts'
import { createdAt, id, instant } from './columns'

export type CycleStatus = 'draft' | 'open' | 'closed' | 'scored' | 'released'

/** One assessment round: who is eligible, which instrument, and when it runs. */
export const cycles = pgTable('cycles', {
  id: id(),
  title: text('title').notNull(),
  instrumentVersion: text('instrument_version').notNull(),
  disciplines: text('disciplines').array().$type<Discipline[]>().notNull(),
  status: text('status').$type<CycleStatus>().notNull().default('draft'),
  opensAt: instant('opens_at').notNull(),
  deadlineAt: instant('deadline_at').notNull(),
  createdAt: createdAt(),
})
