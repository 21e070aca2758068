import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import { createdAt, id, instant } from './columns'

export type JobProgressStatus = 'running' | 'done' | 'failed'

/** How far a long background job has got (e.g. creating 2,000 invitations), for a progress bar in the admin. */
export const jobProgress = pgTable('job_progress', {
  id: id(),
  kind: text('kind').notNull(),
  /** What the job works on, e.g. a cycle id. */
  subject: text('subject').notNull(),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  status: text('status').$type<JobProgressStatus>().notNull().default('running'),
  error: text('error'),
  createdAt: createdAt(),
  finishedAt: instant('finished_at'),
})
