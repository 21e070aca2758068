import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { ProgramRole } from '../../domain/policy/roles'
import { createdAt, id, instant } from './columns'

export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull(), // always stored lower-case
  name: text('name'),
  programRole: text('program_role').$type<ProgramRole>(),
  createdAt: createdAt(),
  lastSignInAt: instant('last_sign_in_at'),
  disabledAt: instant('disabled_at'),
}, (t) => [uniqueIndex('users_email_key').on(t.email)])

/** A sign-in link: only the SHA-256 of its token is kept, so a database leak cannot sign anyone in. */
export const signInTokens = pgTable('sign_in_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  nextPath: text('next_path'),
  requestedIp: text('requested_ip'),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
}, (t) => [uniqueIndex('sign_in_tokens_hash_key').on(t.tokenHash)])

export const sessions = pgTable('sessions', {
  id: id(),
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
  lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  /** Signed in by e-mail but the passkey step is still owed: such a session is nobody's until it is done (decision 160). */
  passkeyPending: boolean('passkey_pending').notNull().default(false),
}, (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)])

/** One row per attempt at a rate-limited action; counted over a sliding window, shared by every web instance. */
export const rateLimitEvents = pgTable('rate_limit_events', {
  id: id(),
  bucket: text('bucket').notNull(),
  at: createdAt(),
}, (t) => [index('rate_limit_events_bucket_at_idx').on(t.bucket, t.at)])
