import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Answer } from '../../domain/instrument/instrument-answers'
import type { Db } from '../client'
import { users } from '../schema/accounts'
import { cycleParticipations, cycles } from '../schema/cycles'
import { answerHistory, answers, areaAssignments, responses, type AnswerChangeSource } from '../schema/responses'
import { schoolMemberships, schools } from '../schema/schools'

const r = responses
const p = cycleParticipations

export type StoredAnswerRow = { itemId: string; value: Answer | null; version: number; prefilled: boolean; note: string | null; evidenceUrl: string | null }

/**
 * Everything a save or a page needs about a response, in ONE statement: the response, its participation and
 * deadline, the school's discipline, the areas assigned to this user and every current answer. The autosave
 * budget (a few statements per save) depends on this staying one query.
 */
export async function findResponseAccess(db: Db, responseId: string, userId: string) {
  const [row] = await db
    .select({
      id: r.id, schoolId: r.schoolId, cycleId: r.cycleId, participationId: r.participationId, instrumentVersion: r.instrumentVersion,
      status: r.status, entryMode: r.entryMode, certifiedByName: r.certifiedByName, submittedAt: r.submittedAt,
      reopenedAt: r.reopenedAt, reopenReason: r.reopenReason,
      participationStatus: p.status, deadlineAt: cycles.deadlineAt, deadlineOverrideAt: p.deadlineOverrideAt, cycleTitle: cycles.title,
      schoolName: schools.name, discipline: schools.discipline,
      assignedAreaIds: sql<string[]>`coalesce((select array_agg(${areaAssignments.areaId}) from ${areaAssignments} where ${areaAssignments.responseId} = ${r.id} and ${areaAssignments.userId} = ${userId}), '{}')`,
      answers: sql<StoredAnswerRow[]>`coalesce((select json_agg(json_build_object('itemId', ${answers.itemId}, 'value', ${answers.value}, 'version', ${answers.version}, 'prefilled', ${answers.prefilled}, 'note', ${answers.note}, 'evidenceUrl', ${answers.evidenceUrl})) from ${answers} where ${answers.responseId} = ${r.id}), '[]')`,
    })
    .from(r)
    .innerJoin(p, eq(p.id, r.participationId))
    .innerJoin(cycles, eq(cycles.id, r.cycleId))
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .where(eq(r.id, responseId))
  return row
}

export type AnswerWrite = {
  responseId: string
  participationId: string
  itemId: string
  value: Answer | null
  note: string | null
  evidenceUrl: string | null
  baseVersion: number
  source: AnswerChangeSource
  userId: string
  now: Date
}

const json = (value: Answer | null) => (value === null ? null : JSON.stringify(value))

/**
 * Writes one answer only if nobody changed it since `baseVersion` (0: only if there is none yet), records the
 * change in the history and notes the activity on the response and participation, all in ONE statement (so it is
 * atomic without a transaction). Returns the new version, or undefined when the base version was stale.
 */
export async function writeAnswer(db: Db, w: AnswerWrite): Promise<number | undefined> {
  const value = json(w.value)
  const now = w.now.toISOString()
  const change = w.baseVersion === 0
    ? sql`changed as (
        insert into answers (response_id, item_id, value, note, evidence_url, version, prefilled, updated_at, updated_by)
        values (${w.responseId}::uuid, ${w.itemId}::text, ${value}::jsonb, ${w.note}::text, ${w.evidenceUrl}::text, 1, false, ${now}::timestamptz, ${w.userId}::uuid)
        on conflict (response_id, item_id) do nothing
        returning version, null::jsonb as old_value)`
    : sql`old as (
        select id, value from answers where response_id = ${w.responseId}::uuid and item_id = ${w.itemId}::text and version = ${w.baseVersion}::int for update),
      changed as (
        update answers a set value = ${value}::jsonb, note = ${w.note}::text, evidence_url = ${w.evidenceUrl}::text, version = a.version + 1,
          prefilled = false, updated_at = ${now}::timestamptz, updated_by = ${w.userId}::uuid
        from old where a.id = old.id and a.version = ${w.baseVersion}::int
        returning a.version, old.value as old_value)`
  // Both drivers (pg and PGlite) answer `execute` with `{ rows }`.
  const result = (await db.execute(sql`
    with ${change},
    history as (
      insert into answer_history (response_id, item_id, old_value, new_value, version, source, changed_by, created_at)
      select ${w.responseId}::uuid, ${w.itemId}::text, old_value, ${value}::jsonb, version, ${w.source}::text, ${w.userId}::uuid, ${now}::timestamptz from changed),
    touched as (
      update responses set updated_at = ${now}::timestamptz where id = ${w.responseId}::uuid and exists (select 1 from changed)),
    participation as (
      update cycle_participations set last_activity_at = ${now}::timestamptz,
        status = case when status = 'accepted' then 'in_progress' else status end
      where id = ${w.participationId}::uuid and exists (select 1 from changed))
    select version from changed`)) as unknown as { rows: { version: number }[] }
  const row = result.rows[0]
  return row ? Number(row.version) : undefined
}

export async function findAnswer(db: Db, responseId: string, itemId: string) {
  const [row] = await db
    .select({ value: answers.value, version: answers.version, note: answers.note, evidenceUrl: answers.evidenceUrl, updatedAt: answers.updatedAt, updatedBy: users.name, updatedByEmail: users.email })
    .from(answers)
    .leftJoin(users, eq(users.id, answers.updatedBy))
    .where(and(eq(answers.responseId, responseId), eq(answers.itemId, itemId)))
  return row
}

export async function findResponseOfParticipation(db: Db, participationId: string) {
  const [row] = await db.select({ id: r.id }).from(r).where(eq(r.participationId, participationId))
  return row
}

export async function insertResponse(db: Db, values: { participationId: string; cycleId: string; schoolId: string; instrumentVersion: string }) {
  await db.insert(r).values(values).onConflictDoNothing()
}

export function answerHistoryOf(db: Db, responseId: string, limit = 500) {
  return db
    .select({ id: answerHistory.id, itemId: answerHistory.itemId, oldValue: answerHistory.oldValue, newValue: answerHistory.newValue, version: answerHistory.version, source: answerHistory.source, changedAt: answerHistory.changedAt, name: users.name, email: users.email })
    .from(answerHistory)
    .leftJoin(users, eq(users.id, answerHistory.changedBy))
    .where(eq(answerHistory.responseId, responseId))
    .orderBy(desc(answerHistory.id))
    .limit(limit)
}

/** Who is assigned to which area, for the overview. */
export function assignmentsOf(db: Db, responseId: string) {
  return db
    .select({ areaId: areaAssignments.areaId, name: users.name, email: users.email })
    .from(areaAssignments)
    .innerJoin(users, eq(users.id, areaAssignments.userId))
    .where(eq(areaAssignments.responseId, responseId))
    .orderBy(asc(users.email))
}

export function teamAddresses(db: Db, schoolId: string) {
  return db.select({ email: users.email }).from(schoolMemberships).innerJoin(users, eq(users.id, schoolMemberships.userId)).where(eq(schoolMemberships.schoolId, schoolId))
}

export async function markResponseSubmitted(db: Db, id: string, by: { userId: string; name: string; at: Date }) {
  const rows = await db.update(r).set({ status: 'submitted', submittedAt: by.at, submittedBy: by.userId, certifiedByName: by.name, updatedAt: by.at })
    .where(and(eq(r.id, id), eq(r.status, 'in_progress'))).returning({ id: r.id })
  return rows.length === 1
}

export async function reopenResponse(db: Db, id: string, reason: string, at: Date) {
  const rows = await db.update(r).set({ status: 'in_progress', reopenedAt: at, reopenReason: reason, updatedAt: at })
    .where(and(eq(r.id, id), eq(r.status, 'submitted'))).returning({ id: r.id })
  return rows.length === 1
}

export async function setEntryMode(db: Db, id: string, mode: 'online' | 'paper') {
  await db.update(r).set({ entryMode: mode }).where(eq(r.id, id))
}

/** The person's schools and their participations in open (or closing) cycles, with the response if one exists. */
export function workspaceParticipations(db: Db, userId: string) {
  return db
    .select({
      participationId: p.id, participationStatus: p.status, schoolId: schools.id, schoolName: schools.name, role: schoolMemberships.role,
      cycleTitle: cycles.title, cycleStatus: cycles.status, deadlineAt: cycles.deadlineAt, deadlineOverrideAt: p.deadlineOverrideAt,
      responseId: r.id, responseStatus: r.status,
    })
    .from(schoolMemberships)
    .innerJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .innerJoin(p, eq(p.schoolId, schools.id))
    .innerJoin(cycles, eq(cycles.id, p.cycleId))
    .leftJoin(r, eq(r.participationId, p.id))
    .where(and(eq(schoolMemberships.userId, userId), inArray(p.status, ['accepted', 'in_progress', 'submitted']), inArray(cycles.status, ['open', 'closed'])))
    .orderBy(asc(schools.name), desc(cycles.deadlineAt))
}

export async function findParticipationForResponse(db: Db, participationId: string) {
  const [row] = await db.select({ id: p.id, schoolId: p.schoolId, cycleId: p.cycleId, status: p.status, instrumentVersion: cycles.instrumentVersion, cycleStatus: cycles.status })
    .from(p).innerJoin(cycles, eq(cycles.id, p.cycleId)).where(eq(p.id, participationId))
  return row
}
