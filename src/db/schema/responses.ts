import { bigserial, boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { Answer } from '../../domain/instrument/instrument-answers'
import { users } from './accounts'
import { createdAt, id, instant } from './columns'
import { cycleParticipations, cycles } from './cycles'
import { schools } from './schools'

export type ResponseStatus = 'in_progress' | 'submitted'
export type EntryMode = 'online' | 'paper'
/**
 * 'platform': answered and certified here. 'paper': the dean signed a paper copy and the program team entered and
 * submitted it, recording who signed and when (decision 123). Imported from a past round's records (decision 095), not certified by
 * a dean through the platform: 'imported-answers' has item answers; 'imported-area-scores' only area scores,
 * which feed trends and norms but carry nothing forward.
 */
export type ResponseSource = 'platform' | 'paper' | 'imported-answers' | 'imported-area-scores'

/** One school's answers in one cycle: the single response its whole team works on together. */
export const responses = pgTable('responses', {
  id: id(),
  participationId: uuid('participation_id').notNull().references(() => cycleParticipations.id, { onDelete: 'restrict' }),
  cycleId: uuid('cycle_id').notNull().references(() => cycles.id, { onDelete: 'restrict' }),
  schoolId: uuid('school_id').notNull().references(() => schools.id, { onDelete: 'restrict' }),
  instrumentVersion: text('instrument_version').notNull(),
  status: text('status').$type<ResponseStatus>().notNull().default('in_progress'),
  /** 'paper': the program team typed the answers in from a paper copy the school returned. */
  entryMode: text('entry_mode').$type<EntryMode>().notNull().default('online'),
  /** The response of an earlier cycle its answers were pre-filled from, if the team chose to. */
  carriedForwardFrom: uuid('carried_forward_from'),
  source: text('source').$type<ResponseSource>().notNull().default('platform'),
  certifiedByName: text('certified_by_name'),
  /** Paper entries only: the day the dean signed the paper copy (`certifiedByName` is the signer). */
  paperSignedOn: date('paper_signed_on', { mode: 'string' }),
  submittedAt: instant('submitted_at'),
  submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
  reopenedAt: instant('reopened_at'),
  reopenReason: text('reopen_reason'),
  createdAt: createdAt(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('responses_participation_key').on(t.participationId),
  index('responses_cycle_status_idx').on(t.cycleId, t.status),
  index('responses_school_idx').on(t.schoolId),
])

/**
 * The current answer to one item. `version` rises by one with every change; a save names the version it was
 * based on and is refused if another save got there first, so no one silently overwrites a colleague.
 */
export const answers = pgTable('answers', {
  id: id(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  itemId: text('item_id').notNull(),
  /** null: the answer was cleared. */
  value: jsonb('value').$type<Answer | null>(),
  note: text('note'),
  evidenceUrl: text('evidence_url'),
  version: integer('version').notNull().default(1),
  /** Carried forward from an earlier cycle and not yet confirmed by anyone this cycle. */
  prefilled: boolean('prefilled').notNull().default(false),
  updatedAt: instant('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [uniqueIndex('answers_response_item_key').on(t.responseId, t.itemId)])

export type AnswerChangeSource = 'online' | 'paper' | 'carry-forward' | 'confirm' | 'admin'

/** Every change to every answer: who, when, old → new. Read by the school's leader and coordinator. */
export const answerHistory = pgTable('answer_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  itemId: text('item_id').notNull(),
  oldValue: jsonb('old_value').$type<Answer | null>(),
  newValue: jsonb('new_value').$type<Answer | null>(),
  version: integer('version').notNull(),
  source: text('source').$type<AnswerChangeSource>().notNull(),
  changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
  changedAt: createdAt(),
}, (t) => [index('answer_history_response_item_idx').on(t.responseId, t.itemId)])

/** Who on the school's team answers which area of a response. */
export const areaAssignments = pgTable('area_assignments', {
  id: id(),
  responseId: uuid('response_id').notNull().references(() => responses.id, { onDelete: 'cascade' }),
  areaId: text('area_id').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('area_assignments_response_area_user_key').on(t.responseId, t.areaId, t.userId),
  index('area_assignments_user_idx').on(t.userId),
])
