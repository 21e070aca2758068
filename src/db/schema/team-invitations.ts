import { sql } from 'drizzle-orm'
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { SchoolRole } from '../../domain/policy/roles'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'
import { responses } from './responses'
import { schools } from './schools'

/**
 * A colleague invited to a school's team. Nobody becomes a member, and no account is made or looked at, until the
 * person follows the link and accepts: the school sees only what it typed itself (address, name, role).
 */
export const teamInvitations = pgTable('team_invitations', {
  id: id(),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  /** The name as the inviter typed it; used for a new account, never shown to anyone else. */
  name: text('name'),
  role: text('role').$type<SchoolRole>().notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
  acceptedAt: instant('accepted_at'),
  cancelledAt: instant('cancelled_at'),
}, (t) => [
  uniqueIndex('team_invitations_token_key').on(t.tokenHash),
  // One open invitation per address and school: inviting again replaces it.
  uniqueIndex('team_invitations_open_key').on(t.schoolId, t.email).where(sql`accepted_at is null and cancelled_at is null`),
  index('team_invitations_school_idx').on(t.schoolId),
])
