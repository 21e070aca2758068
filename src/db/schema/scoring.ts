import { boolean, doublePrecision, index, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { GroupSummary, NormsMember } from '../../domain/benchmark/comparison-groups'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'
import { cycles } from './cycles'
import { responses } from './responses'
import { schools } from './schools'

/**
 * A cycle's frozen norms: every scored response with its school's facts and scores (so a late school can be
 * placed among them) and each group's distribution per metric. The newest snapshot of a cycle is the one in use;
 * older ones stay as the record of what earlier reports showed.
 */
export const normsSnapshots = pgTable('norms_snapshots', {
  id: id(),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  instrumentVersion: text('instrument_version').notNull(),
  members: jsonb('members').$type<NormsMember[]>().notNull(),
  summaries: jsonb('summaries').$type<GroupSummary[]>().notNull(),
  /** null for the freeze at scoring; the admin's stated reason for a recompute. */
  reason: text('reason'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [index('norms_snapshots_cycle_idx').on(t.cycleId, t.createdAt)])

/** The scores of one submitted response, from the one pure scoring function, and the snapshot it is placed against. */
export const responseScores = pgTable('response_scores', {
  id: id(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  instrumentVersion: text('instrument_version').notNull(),
  areas: jsonb('areas').$type<Record<string, number | null>>().notNull(),
  domains: jsonb('domains').$type<Record<string, number | null>>().notNull(),
  overall: doublePrecision('overall'),
  /** The submission these scores were computed from; a reopened and resubmitted response is scored again. */
  submittedAt: instant('submitted_at').notNull(),
  snapshotId: uuid('snapshot_id').references(() => normsSnapshots.id, { onDelete: 'set null' }),
  /** Scored after the norms were frozen: placed against them, not part of them. */
  late: boolean('late').notNull().default(false),
  scoredAt: instant('scored_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('response_scores_response_key').on(t.responseId), index('response_scores_cycle_idx').on(t.cycleId)])

/** A school's report made visible to its leaders. */
export const reportReleases = pgTable('report_releases', {
  id: id(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
  releasedAt: createdAt(),
}, (t) => [uniqueIndex('report_releases_response_key').on(t.responseId), index('report_releases_school_idx').on(t.schoolId)])

/** A school leader's plan for one area after a cycle: a target score for next time and the actions to get there. */
export const actionPlans = pgTable('action_plans', {
  id: id(),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'cascade' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  areaId: text('area_id').notNull(),
  target: real('target'),
  actions: text('actions').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('action_plans_school_cycle_area_key').on(t.schoolId, t.cycleId, t.areaId)])

/**
 * What a school's report showed before its cycle was re-scored, kept when the re-score changed its results: the
 * report says so (with the reason) rather than silently showing new numbers to people who read the old ones.
 */
export const scoreRevisions = pgTable('score_revisions', {
  id: id(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'cascade' }),
  /** The snapshot frozen by the re-score that made this revision. */
  snapshotId: uuid('snapshot_id').references(() => normsSnapshots.id, { onDelete: 'set null' }),
  previousOverall: doublePrecision('previous_overall'),
  previousAreas: jsonb('previous_areas').$type<Record<string, number | null>>().notNull(),
  previousDomains: jsonb('previous_domains').$type<Record<string, number | null>>().notNull(),
  reason: text('reason').notNull(),
  revisedBy: uuid('revised_by').references(() => users.id, { onDelete: 'set null' }),
  revisedAt: createdAt(),
}, (t) => [index('score_revisions_response_idx').on(t.responseId, t.revisedAt)])
