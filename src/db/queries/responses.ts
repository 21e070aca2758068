import { and, asc, desc, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm'
import type { Answer } from '../../domain/instrument/instrument-answers'
import type { Db } from '../client'
import { batchedPer } from '../batching'
import { preparedPer, preparedStatement } from '../prepared'
import { sessions, users } from '../schema/accounts'
import { enabledUser, liveSessionCondition, liveSessionColumns } from './accounts'
import { cycleParticipations, cycles } from '../schema/cycles'
import { completionStatus } from './certified-responses'
import { answerHistory, answers, areaAssignments, responses, type AnswerChangeSource } from '../schema/responses'
import { reportReleases } from '../schema/scoring'
import { schoolMemberships, schools } from '../schema/schools'

const r = responses
const p = cycleParticipations

export type StoredAnswerRow = { itemId: string; value: Answer | null; version: number; prefilled: boolean; note: string | null; evidenceUrl: string | null }

/**
 * Everything a save or a page needs about a response, in ONE statement: the response, its participation and
 * deadline, the school's discipline, the areas assigned to this user and every current answer. The autosave
 * budget (a few statements per save) depends on this staying one query.
 */
const accessColumns = (userId: SQLWrapper, onlyItemIds?: SQLWrapper) => ({
  id: r.id, schoolId: r.schoolId, cycleId: r.cycleId, participationId: r.participationId, instrumentVersion: r.instrumentVersion,
  status: r.status, entryMode: r.entryMode, source: r.source, certifiedByName: r.certifiedByName, paperSignedOn: r.paperSignedOn, submittedAt: r.submittedAt,
  reopenedAt: r.reopenedAt, reopenReason: r.reopenReason,
  participationStatus: p.status, deadlineAt: cycles.deadlineAt, deadlineOverrideAt: p.deadlineOverrideAt, cycleTitle: cycles.title,
  cycleStatus: cycles.status, schoolName: schools.name, discipline: schools.discipline,
  assignedAreaIds: sql<string[]>`coalesce((select array_agg(${areaAssignments.areaId}) from ${areaAssignments} where ${areaAssignments.responseId} = ${r.id} and ${areaAssignments.userId} = ${userId}), '{}')`,
  answers: sql<StoredAnswerRow[]>`coalesce((select json_agg(json_build_object('itemId', ${answers.itemId}, 'value', ${answers.value}, 'version', ${answers.version}, 'prefilled', ${answers.prefilled}, 'note', ${answers.note}, 'evidenceUrl', ${answers.evidenceUrl})) from ${answers} where ${answers.responseId} = ${r.id}${onlyItemIds ? sql` and ${answers.itemId} = any(${onlyItemIds})` : sql``}), '[]')`,
})

const responseAccess = preparedPer((db) =>
  db
    .select(accessColumns(sql`${sql.placeholder('userId')}::uuid`))
    .from(r)
    .innerJoin(p, eq(p.id, r.participationId))
    .innerJoin(cycles, eq(cycles.id, r.cycleId))
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .where(eq(r.id, sql`${sql.placeholder('responseId')}::uuid`))
    .prepare('find_response_access'),
)

export async function findResponseAccess(db: Db, responseId: string, userId: string) {
  const [row] = await responseAccess(db).execute({ responseId, userId })
  return row
}

/**
 * The autosave's one read: the caller's live session (as `findLiveSession`) and the response's access (as
 * `findResponseAccess`) together, for every autosave waiting at that moment, in one statement (src/db/batching.ts).
 * Of the answers, only those to `answerItemIds` (what skip logic reads: a full response has ~80, and reading them all
 * back was most of a save's cost). No row for a request whose session or response is missing; the caller then
 * finds out which the usual way.
 */
const sessionResponseAccess = preparedPer((db) =>
  db
    .select({ ord: sql<string>`q.ord`, session: liveSessionColumns, access: accessColumns(users.id, sql`${sql.placeholder('answerItemIds')}::text[]`) })
    .from(sql`unnest(${sql.placeholder('tokenHashes')}::text[], ${sql.placeholder('responseIds')}::uuid[], ${sql.placeholder('nows')}::timestamptz[]) with ordinality as q(token_hash, response_id, at, ord)`)
    .innerJoin(sessions, liveSessionCondition(sql`q.token_hash`, sql`q.at`))
    .innerJoin(users, and(eq(users.id, sessions.userId), enabledUser))
    .innerJoin(r, eq(r.id, sql`q.response_id`))
    .innerJoin(p, eq(p.id, r.participationId))
    .innerJoin(cycles, eq(cycles.id, r.cycleId))
    .innerJoin(schools, eq(schools.id, r.schoolId))
    .prepare('find_session_response_access'),
)

/** How autosaves are grouped, for their read and their write alike; the bench's multi-row baseline batches the same way. */
export const ANSWER_WRITE_BATCHING = { maxInFlight: 3, maxBatch: 200 }

type SessionResponseKey = { tokenHash: string; responseId: string; now: Date; answerItemIds: readonly string[] }
type SessionResponseRow = Omit<Awaited<ReturnType<ReturnType<typeof sessionResponseAccess>['execute']>>[number], 'ord'>

const sessionResponseAccessBatch = batchedPer(
  async (db, keys: SessionResponseKey[]) => {
    const rows = await sessionResponseAccess(db).execute({
      tokenHashes: keys.map((k) => k.tokenHash),
      responseIds: keys.map((k) => k.responseId),
      nows: keys.map((k) => k.now.toISOString()),
      answerItemIds: [...new Set(keys.flatMap((k) => k.answerItemIds))],
    })
    const byOrd = new Map(rows.map(({ ord, ...row }) => [Number(ord), row]))
    return keys.map((_, i): SessionResponseRow | undefined => byOrd.get(i + 1))
  },
  ANSWER_WRITE_BATCHING,
)

export function findSessionResponseAccess(db: Db, tokenHash: string, responseId: string, now: Date, answerItemIds: readonly string[]) {
  return sessionResponseAccessBatch(db, { tokenHash, responseId, now, answerItemIds })
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
 * The answers' changes, their history rows and the activity stamps of every autosave waiting at that moment, as ONE
 * statement (atomic without a transaction; src/db/batching.ts). Each write lands only if its answer is still at
 * the version it was based on (0: only if there is none yet); two writes of one answer in a batch cannot both
 * land, so the second is a conflict like any other. The stamps are "last activity" for the program team's
 * dashboard: minute precision is plenty, so they are written at most once a minute per response, not on every
 * save (decision 075); the participation's first change from accepted to in_progress is never held back.
 */
const answerWrites = preparedStatement<{ ord: string; version: number }>('write_answers', sql`
  with input as (
    select * from unnest(${sql.placeholder('responseIds')}::uuid[], ${sql.placeholder('itemIds')}::text[], ${sql.placeholder('values')}::jsonb[],
      ${sql.placeholder('notes')}::text[], ${sql.placeholder('evidenceUrls')}::text[], ${sql.placeholder('baseVersions')}::int[], ${sql.placeholder('sources')}::text[],
      ${sql.placeholder('userIds')}::uuid[], ${sql.placeholder('participationIds')}::uuid[], ${sql.placeholder('nows')}::timestamptz[])
      with ordinality as t(response_id, item_id, value, note, evidence_url, base_version, source, user_id, participation_id, at, ord)),
  old as (
    select a.id, a.value as old_value, i.ord, i.base_version from answers a
    join input i on a.response_id = i.response_id and a.item_id = i.item_id and a.version = i.base_version
    where i.base_version > 0 for update of a),
  updated as (
    update answers a set value = i.value, note = i.note, evidence_url = i.evidence_url, version = a.version + 1,
      prefilled = false, updated_at = i.at, updated_by = i.user_id
    from old join input i on i.ord = old.ord
    where a.id = old.id and a.version = old.base_version
    returning old.ord, a.version, old.old_value),
  first_inserts as (
    select distinct on (response_id, item_id) * from input where base_version = 0 order by response_id, item_id, ord),
  inserted as (
    insert into answers (response_id, item_id, value, note, evidence_url, version, prefilled, updated_at, updated_by)
    select response_id, item_id, value, note, evidence_url, 1, false, at, user_id from first_inserts
    on conflict (response_id, item_id) do nothing
    returning response_id, item_id, version),
  changed as (
    select i.*, x.version, x.old_value from (
      select ord, version, old_value from updated
      union all
      select f.ord, n.version, null::jsonb from inserted n join first_inserts f on f.response_id = n.response_id and f.item_id = n.item_id
    ) x join input i on i.ord = x.ord),
  history as (
    insert into answer_history (response_id, item_id, old_value, new_value, version, source, changed_by, created_at)
    select response_id, item_id, old_value, value, version, source, user_id, at from changed order by ord),
  touched as (
    update responses r set updated_at = c.at
    from (select response_id, max(at) as at from changed group by response_id) c
    where r.id = c.response_id and r.updated_at < c.at - interval '1 minute'),
  participation as (
    update cycle_participations p set last_activity_at = c.at,
      status = case when p.status = 'accepted' then 'in_progress' else p.status end
    from (select participation_id, max(at) as at from changed group by participation_id) c
    where p.id = c.participation_id and (p.status = 'accepted' or p.last_activity_at is null or p.last_activity_at < c.at - interval '1 minute'))
  select ord, version from changed`)

const answerWriteBatch = batchedPer(
  async (db, writes: AnswerWrite[]) => {
    const column = <T>(pick: (w: AnswerWrite) => T) => writes.map(pick)
    const { rows } = await answerWrites(db, {
      responseIds: column((w) => w.responseId),
      itemIds: column((w) => w.itemId),
      values: column((w) => json(w.value)),
      notes: column((w) => w.note),
      evidenceUrls: column((w) => w.evidenceUrl),
      baseVersions: column((w) => w.baseVersion),
      sources: column((w) => w.source),
      userIds: column((w) => w.userId),
      participationIds: column((w) => w.participationId),
      nows: column((w) => w.now.toISOString()),
    })
    const byOrd = new Map(rows.map((row) => [Number(row.ord), Number(row.version)]))
    return writes.map((_, i) => byOrd.get(i + 1))
  },
  ANSWER_WRITE_BATCHING,
)

/**
 * Writes one answer only if nobody changed it since `baseVersion` (0: only if there is none yet), records the
 * change in the history and notes the activity on the response and participation, in one statement shared with
 * the other autosaves of the moment. Returns the new version, or undefined when the base version was stale.
 */
export function writeAnswer(db: Db, w: AnswerWrite): Promise<number | undefined> {
  return answerWriteBatch(db, w)
}

export async function findAnswer(db: Db, responseId: string, itemId: string) {
  const [row] = await db
    .select({ value: answers.value, version: answers.version, note: answers.note, evidenceUrl: answers.evidenceUrl, updatedAt: answers.updatedAt, updatedById: answers.updatedBy, updatedBy: users.name, updatedByEmail: users.email })
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

/** A paper entry (`paperSignedOn` given) becomes `source = 'paper'`; an online one stays `platform`. */
export async function markResponseSubmitted(db: Db, id: string, by: { userId: string; name: string; at: Date; paperSignedOn?: string | null }) {
  const paper = by.paperSignedOn ? { source: 'paper' as const, entryMode: 'paper' as const, paperSignedOn: by.paperSignedOn } : { source: 'platform' as const, paperSignedOn: null }
  const rows = await db.update(r).set({ status: 'submitted', submittedAt: by.at, submittedBy: by.userId, certifiedByName: by.name, updatedAt: by.at, ...paper })
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

/**
 * Every cycle of every school the user belongs to, from the invitation on: open ones to work on (and closed ones
 * while the school's extension runs, decision 080), closed ones waiting for results, released ones with their report.
 * Declined, draft and imported past rounds are left out.
 */
export function workspaceParticipations(db: Db, userId: string) {
  return db
    .select({
      // Submitted only with a certified response (decision 123): a legacy "marked submitted" school still has work to do.
      participationId: p.id, participationStatus: completionStatus, schoolId: schools.id, schoolName: schools.name, role: schoolMemberships.role,
      cycleId: cycles.id, cycleTitle: cycles.title, cycleStatus: cycles.status, deadlineAt: cycles.deadlineAt, deadlineOverrideAt: p.deadlineOverrideAt,
      responseId: r.id, responseStatus: r.status, submittedAt: r.submittedAt,
      reportReleased: sql<boolean>`exists (select 1 from ${reportReleases} where ${reportReleases.responseId} = ${r.id})`,
    })
    .from(schoolMemberships)
    .innerJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .innerJoin(p, eq(p.schoolId, schools.id))
    .innerJoin(cycles, eq(cycles.id, p.cycleId))
    .leftJoin(r, eq(r.participationId, p.id))
    .where(and(eq(schoolMemberships.userId, userId), inArray(p.status, ['invited', 'accepted', 'in_progress', 'submitted']), inArray(cycles.status, ['open', 'closed', 'scored', 'released']), eq(cycles.kind, 'live')))
    .orderBy(asc(schools.name), desc(cycles.deadlineAt))
}

/** Who last changed each answer of a response, and when: for "check your answers" and the answers' PDF copy. */
export function answerAuthorsOf(db: Db, responseId: string) {
  return db
    .select({ itemId: answers.itemId, updatedAt: answers.updatedAt, name: users.name, email: users.email })
    .from(answers)
    .leftJoin(users, eq(users.id, answers.updatedBy))
    .where(eq(answers.responseId, responseId))
}

export async function findParticipationForResponse(db: Db, participationId: string) {
  const [row] = await db.select({ id: p.id, schoolId: p.schoolId, cycleId: p.cycleId, status: p.status, instrumentVersion: cycles.instrumentVersion, cycleStatus: cycles.status,
    deadlineAt: cycles.deadlineAt, deadlineOverrideAt: p.deadlineOverrideAt })
    .from(p).innerJoin(cycles, eq(cycles.id, p.cycleId)).where(eq(p.id, participationId))
  return row
}
