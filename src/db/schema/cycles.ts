import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { Discipline } from '../../domain/school/school-facts'
import { createdAt, id, instant } from './columns'
import { schools } from './schools'

import type { CycleStatus } from '../../domain/cycle/cycle-states'
import type { SampleSizes } from '../../domain/cycle/sampling'
export type { CycleStatus }

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
  /** Recorded so anyone can draw the same sample again (domain/cycle/sampling.ts, `sampleSizes`). */
  sampleSeed: integer('sample_seed'),
  /** Days before the deadline on which schools that have not submitted are reminded. */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{30,14,7,1}'`),
  openedAt: instant('opened_at'),
  /** 'historical': a past round imported from its records (decision 095), never opened, invited or mailed. */
  kind: text('kind').$type<CycleKind>().notNull().default('live'),
  /** Per discipline, how many schools are drawn; a discipline not listed invites every eligible school. */
  sampleSizes: jsonb('sample_sizes').$type<SampleSizes>().notNull().default({}),
  /** A pilot or test round: never in public figures nor in any other cycle's norms (decision 091). */
  pilot: boolean('pilot').notNull().default(false),
  /** Participation is public only once an admin publishes it (decision 092); null means not published. */
  participationPublishedAt: instant('participation_published_at'),
  /** Set by "send on the opening date": the calendar job opens the draft cycle when `opensAt` comes. */
  openOnOpensAt: boolean('open_on_opens_at').notNull().default(false),
  /** The calendar job closes the open cycle at `deadlineAt`; schools with an extension keep answering. */
  closeAtDeadline: boolean('close_at_deadline').notNull().default(false),
  closedAt: instant('closed_at'),
})

export type CycleKind = 'live' | 'historical'

export type ParticipationStatus = 'invited' | 'accepted' | 'declined' | 'in_progress' | 'submitted'
export type ParticipationSource = 'all-eligible' | 'sampled' | 'late-invite' | 'on-request' | 'imported'

/** A school's place in one cycle: invited, then accepted or declined, then in progress and submitted. */
export const cycleParticipations = pgTable('cycle_participations', {
  id: id(),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  status: text('status').$type<ParticipationStatus>().notNull().default('invited'),
  source: text('source').$type<ParticipationSource>().notNull(),
  invitedAt: instant('invited_at'),
  respondedAt: instant('responded_at'),
  submittedAt: instant('submitted_at'),
  lastActivityAt: instant('last_activity_at'),
  /** A per-school deadline extension; null means the cycle's deadline applies. */
  deadlineOverrideAt: instant('deadline_override_at'),
  createdAt: createdAt(),
  /** Whom the invitation goes to: the school's dean when invited, changeable by an admin. */
  inviteeEmail: text('invitee_email'),
  inviteeName: text('invitee_name'),
  /** The latest invitation message, so a bounce or failed send shows beside the school. */
  invitationMailId: uuid('invitation_mail_id'),
}, (t) => [
  uniqueIndex('cycle_participations_cycle_school_key').on(t.cycleId, t.schoolId),
  index('cycle_participations_cycle_status_idx').on(t.cycleId, t.status),
])
