import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, instant } from './columns'
import { sessions, users } from './accounts'

/**
 * A WebAuthn credential of a program staff member. The id is the credential id the authenticator made
 * (base64url), the public key its COSE key (base64url); neither is a secret. `counter` is the authenticator's
 * signature counter, kept to refuse a cloned authenticator that reports a lower one.
 */
export const passkeys = pgTable('passkeys', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  publicKey: text('public_key').notNull(),
  counter: bigint('counter', { mode: 'number' }).notNull(), // an unsigned 32-bit number: beyond integer
  transports: text('transports').array().notNull(),
  nickname: text('nickname').notNull(),
  createdAt: createdAt(),
  lastUsedAt: instant('last_used_at'),
}, (t) => [index('passkeys_user_idx').on(t.userId)])

/**
 * A challenge we handed to one browser session, for one ceremony. Kept server-side so it is used once (deleted
 * when answered) and expires in minutes; a new challenge for the same session and purpose replaces the old one.
 */
export const passkeyChallenges = pgTable('passkey_challenges', {
  id: id(),
  sessionId: uuid('session_id').notNull().references(() => sessions.id, { onDelete: 'cascade' }),
  purpose: text('purpose').$type<'register' | 'authenticate'>().notNull(),
  challenge: text('challenge').notNull(),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
}, (t) => [index('passkey_challenges_session_idx').on(t.sessionId, t.purpose)])

/** The program's own switches, one row each, changed by admins (audited). */
export const programSettings = pgTable('program_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
})

export const PASSKEYS_REQUIRED_SETTING = 'passkeys.required-for-program-roles'
