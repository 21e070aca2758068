import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, instant } from './columns'

/**
 * Append-only: a trigger in the migrations refuses UPDATE and DELETE. No foreign keys, so the record of who did
 * what outlives the account or school it names.
 */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: createdAt(),
  actorUserId: uuid('actor_user_id'),
  actorEmail: text('actor_email'),
  action: text('action').notNull(),
  schoolId: uuid('school_id'),
  subject: text('subject'),
  ip: text('ip'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_school_idx').on(t.schoolId)])

export type MailStatus = 'queued' | 'sent' | 'failed'

/** Every message the platform sends; the job queue only carries its id, so nothing is lost if a send fails. */
export const mailMessages = pgTable('mail_messages', {
  id: id(),
  kind: text('kind').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body'),
  status: text('status').$type<MailStatus>().notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  providerMessageId: text('provider_message_id'),
  createdAt: createdAt(),
  sentAt: instant('sent_at'),
  /** When the receiving server refused the address for good (an SMTP 5xx): failed at once, never retried. */
  rejectedAt: instant('rejected_at'),
}, (t) => [index('mail_messages_status_idx').on(t.status, t.createdAt), index('mail_messages_to_idx').on(t.toAddress)])

/** Small facts about this installation, such as when the demo data was seeded. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
})

