import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, instant } from './columns'
import { cycleParticipations } from './cycles'

/**
 * A personal invitation link to answer for a school in a cycle. Only the SHA-256 of its token is kept. Sending
 * again or changing the addressee revokes the earlier links.
 */
export const cycleInvitations = pgTable('cycle_invitations', {
  id: id(),
  participationId: uuid('participation_id').notNull().references(() => cycleParticipations.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  email: text('email').notNull(),
  mailId: uuid('mail_id'),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  revokedAt: instant('revoked_at'),
}, (t) => [uniqueIndex('cycle_invitations_token_hash_key').on(t.tokenHash), index('cycle_invitations_participation_idx').on(t.participationId)])

/** One row per reminder sent, so each (participation, days-before) reminder goes out once, whoever runs the job. */
export const cycleRemindersSent = pgTable('cycle_reminders_sent', {
  id: id(),
  participationId: uuid('participation_id').notNull().references(() => cycleParticipations.id, { onDelete: 'cascade' }),
  daysBefore: integer('days_before').notNull(),
  mailId: uuid('mail_id'),
  sentAt: createdAt(),
}, (t) => [uniqueIndex('cycle_reminders_sent_key').on(t.participationId, t.daysBefore)])
