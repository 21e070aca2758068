import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { Discipline } from '../../domain/school/school-facts'
import { createdAt, id, instant } from './columns'
import { schools } from './schools'

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

export type ParticipationStatus = 'invited' | 'accepted' | 'declined' | 'in_progress' | 'submitted'
export type ParticipationSource = 'all-eligible' | 'sampled' | 'late-invite' | 'on-request'

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
}, (t) => [
  uniqueIndex('cycle_participations_cycle_school_key').on(t.cycleId, t.schoolId),
  index('cycle_participations_cycle_status_idx').on(t.cycleId, t.status),
])
