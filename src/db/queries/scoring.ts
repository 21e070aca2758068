import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { schoolMemberships, schools } from '../schema/schools'
import { answers, responses } from '../schema/responses'
import { cycles } from '../schema/cycles'
import { users } from '../schema/accounts'
import { actionPlans, normsSnapshots, reportReleases, responseScores, scoreRevisions } from '../schema/scoring'
import type { Answer } from '../../domain/instrument/instrument-answers'
import type { NormsMember } from '../../domain/benchmark/comparison-groups'

export type ResponseScoreInsert = typeof responseScores.$inferInsert
export type SnapshotInsert = typeof normsSnapshots.$inferInsert

const responseFacts = {
  responseId: responses.id,
  schoolId: responses.schoolId,
  cycleId: responses.cycleId,
  instrumentVersion: responses.instrumentVersion,
  submittedAt: responses.submittedAt,
  discipline: schools.discipline,
  control: schools.control,
  carnegieGroup: schools.carnegieGroup,
}

/**
 * Submitted responses of a cycle with no score yet, or scored before their latest submission (reopened), by id;
 * only those after `after` when given, so a job walking the cycle a batch at a time does not look again at the
 * responses it has passed (looking from the start each time made every batch re-read the whole cycle).
 */
export function responsesToScore(db: Db, cycleId: string, limit: number, after?: string) {
  // The batch is picked first and only its rows joined to their schools (not every due response of the cycle).
  const due = db.select({ id: responses.id }).from(responses)
    .leftJoin(responseScores, eq(responseScores.responseId, responses.id))
    .where(and(eq(responses.cycleId, cycleId), eq(responses.status, 'submitted'), after === undefined ? undefined : gt(responses.id, after),
      or(isNull(responseScores.id), lt(responseScores.submittedAt, responses.submittedAt))))
    .orderBy(asc(responses.id)).limit(limit).as('due')
  return db.select(responseFacts).from(due)
    .innerJoin(responses, eq(responses.id, due.id))
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .orderBy(asc(responses.id))
}

/** Every submitted response of a cycle, scored or not, by id (a re-score takes them all). */
export function submittedResponses(db: Db, cycleId: string) {
  return db.select(responseFacts).from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .where(and(eq(responses.cycleId, cycleId), eq(responses.status, 'submitted')))
    .orderBy(asc(responses.id))
}

/** The stored scores of a cycle's responses, by response. */
export async function storedScoresOfCycle(db: Db, cycleId: string) {
  const rows = await db.select({ responseId: responseScores.responseId, areas: responseScores.areas, domains: responseScores.domains, overall: responseScores.overall })
    .from(responseScores).where(eq(responseScores.cycleId, cycleId))
  return new Map(rows.map(({ responseId, ...score }) => [responseId, score]))
}

export async function insertScoreRevisions(db: Db, values: readonly (typeof scoreRevisions.$inferInsert)[]) {
  if (values.length > 0) await db.insert(scoreRevisions).values([...values])
}

/** The newest revision of a response's scores, if a re-score ever changed them. */
export async function latestScoreRevision(db: Db, responseId: string) {
  const [row] = await db.select().from(scoreRevisions).where(eq(scoreRevisions.responseId, responseId)).orderBy(desc(scoreRevisions.revisedAt)).limit(1)
  return row
}

/** Counted by the database: reading every id to count them made the reports page grow with the cycle. */
export async function countSubmittedResponses(db: Db, cycleId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(responses).where(and(eq(responses.cycleId, cycleId), eq(responses.status, 'submitted')))
  return row!.n
}

export async function responseForScoring(db: Db, responseId: string) {
  const [row] = await db.select(responseFacts).from(responses).innerJoin(schools, eq(schools.id, responses.schoolId)).where(eq(responses.id, responseId))
  return row
}

/** Every answer of the given responses, by response and item (a response without answers gets an empty map). */
export async function answersOfResponses(db: Db, responseIds: readonly string[]): Promise<Map<string, Map<string, Answer | null>>> {
  const byResponse = new Map(responseIds.map((id) => [id, new Map<string, Answer | null>()]))
  if (responseIds.length === 0) return byResponse
  // One array parameter rather than a list of them, and rows taken as the driver gives them: a scoring batch reads
  // thousands of answers, and this ran at a third of the time of the mapped select (bench "scoring", the real job).
  // Both drivers (pg and PGlite) answer `execute` with `{ rows }`, jsonb already parsed.
  const result = (await db.execute(sql`
    select ${answers.responseId} as "responseId", ${answers.itemId} as "itemId", ${answers.value} as "value"
    from ${answers} where ${answers.responseId} = any(${sql.param([...responseIds])}::uuid[])`)) as unknown as { rows: { responseId: string; itemId: string; value: Answer | null }[] }
  for (const r of result.rows) byResponse.get(r.responseId)?.set(r.itemId, r.value)
  return byResponse
}

/** The new value of a column in an upsert: the one the conflicting row would have inserted. */
const excluded = (column: { name: string }) => sql`excluded.${sql.identifier(column.name)}`

/**
 * Stores the scores of several responses in one statement: each is inserted, or replaces the response's earlier
 * score (and its scored-at time). The responses must be distinct (one statement cannot update a row twice).
 */
export async function upsertResponseScores(db: Db, values: readonly ResponseScoreInsert[]) {
  if (values.length === 0) return
  const c = responseScores
  await db.insert(responseScores).values([...values]).onConflictDoUpdate({
    target: c.responseId,
    set: {
      cycleId: excluded(c.cycleId), schoolId: excluded(c.schoolId), instrumentVersion: excluded(c.instrumentVersion), areas: excluded(c.areas),
      domains: excluded(c.domains), overall: excluded(c.overall), submittedAt: excluded(c.submittedAt), snapshotId: excluded(c.snapshotId),
      late: excluded(c.late), scoredAt: new Date(),
    },
  })
}

/** Every scored, still-submitted response of a cycle as the norms see it. */
export async function normsMembers(db: Db, cycleId: string): Promise<NormsMember[]> {
  const rows = await db.select({ ...responseFacts, areas: responseScores.areas, domains: responseScores.domains, overall: responseScores.overall })
    .from(responseScores)
    .innerJoin(responses, eq(responses.id, responseScores.responseId))
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .where(and(eq(responseScores.cycleId, cycleId), eq(responses.status, 'submitted')))
    .orderBy(asc(responses.id))
  return rows.map((r) => ({
    responseId: r.responseId,
    facts: { discipline: r.discipline, control: r.control, carnegieGroup: r.carnegieGroup },
    scores: { ...r.areas, ...r.domains, overall: r.overall },
  }))
}

export async function insertSnapshot(db: Db, values: SnapshotInsert) {
  const [row] = await db.insert(normsSnapshots).values(values).returning({ id: normsSnapshots.id, createdAt: normsSnapshots.createdAt })
  return row!
}

export async function latestSnapshot(db: Db, cycleId: string) {
  const [row] = await db.select().from(normsSnapshots).where(eq(normsSnapshots.cycleId, cycleId)).orderBy(desc(normsSnapshots.createdAt)).limit(1)
  return row
}

export async function findSnapshot(db: Db, id: string) {
  const [row] = await db.select().from(normsSnapshots).where(eq(normsSnapshots.id, id))
  return row
}

/** Points the given responses at a snapshot (they are part of it, not late). */
export async function attachToSnapshot(db: Db, responseIds: string[], snapshotId: string) {
  if (responseIds.length === 0) return
  await db.update(responseScores).set({ snapshotId, late: false }).where(inArray(responseScores.responseId, responseIds))
}

export async function findResponseScore(db: Db, responseId: string) {
  const [row] = await db.select().from(responseScores).where(eq(responseScores.responseId, responseId))
  return row
}

/** Every scored response of a cycle with its school (identified: for the program team's export only), by school name. */
export function scoresWithSchools(db: Db, cycleId: string) {
  return db.select({
    ...responseFacts, schoolName: schools.name, state: schools.state, ipedsUnitId: schools.ipedsUnitId,
    areas: responseScores.areas, domains: responseScores.domains, overall: responseScores.overall,
    snapshotId: responseScores.snapshotId, late: responseScores.late, scoredAt: responseScores.scoredAt,
  }).from(responseScores)
    .innerJoin(responses, eq(responses.id, responseScores.responseId))
    .innerJoin(schools, eq(schools.id, responseScores.schoolId))
    .where(eq(responseScores.cycleId, cycleId))
    .orderBy(asc(schools.name), asc(responses.id))
}

/** The scored responses of a cycle, optionally of one school, for release. */
export function scoredResponses(db: Db, cycleId: string, schoolId?: string) {
  return db.select({ responseId: responseScores.responseId, schoolId: responseScores.schoolId, schoolName: schools.name, released: reportReleases.id })
    .from(responseScores)
    .innerJoin(schools, eq(schools.id, responseScores.schoolId))
    .leftJoin(reportReleases, eq(reportReleases.responseId, responseScores.responseId))
    .where(schoolId ? and(eq(responseScores.cycleId, cycleId), eq(responseScores.schoolId, schoolId)) : eq(responseScores.cycleId, cycleId))
    .orderBy(asc(schools.name))
}

export async function insertRelease(db: Db, values: typeof reportReleases.$inferInsert) {
  const rows = await db.insert(reportReleases).values(values).onConflictDoNothing().returning({ id: reportReleases.id })
  return rows.length === 1
}

export async function findRelease(db: Db, responseId: string) {
  const [row] = await db.select().from(reportReleases).where(eq(reportReleases.responseId, responseId))
  return row
}

export function leadersOf(db: Db, schoolId: string) {
  return db.select({ email: users.email, name: users.name }).from(schoolMemberships)
    .innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(and(eq(schoolMemberships.schoolId, schoolId), eq(schoolMemberships.role, 'leader')))
}

/** What a report is about: the response, its school and cycle. */
export async function reportSubject(db: Db, responseId: string) {
  const [row] = await db.select({
    responseId: responses.id,
    status: responses.status,
    instrumentVersion: responses.instrumentVersion,
    submittedAt: responses.submittedAt,
    school: { id: schools.id, name: schools.name, discipline: schools.discipline, control: schools.control, carnegieGroup: schools.carnegieGroup },
    cycle: { id: cycles.id, title: cycles.title, opensAt: cycles.opensAt, status: cycles.status, pilot: cycles.pilot },
  }).from(responses)
    .innerJoin(schools, eq(schools.id, responses.schoolId))
    .innerJoin(cycles, eq(cycles.id, responses.cycleId))
    .where(eq(responses.id, responseId))
  return row
}

/** A school's scores in every cycle, oldest first, for the trend. */
export function schoolScoreHistory(db: Db, schoolId: string) {
  return db.select({
    responseId: responseScores.responseId, cycleId: cycles.id, cycleTitle: cycles.title, opensAt: cycles.opensAt, cycleKind: cycles.kind,
    instrumentVersion: responseScores.instrumentVersion, areas: responseScores.areas, overall: responseScores.overall,
  }).from(responseScores)
    .innerJoin(cycles, eq(cycles.id, responseScores.cycleId))
    .where(eq(responseScores.schoolId, schoolId))
    .orderBy(asc(cycles.opensAt))
}

export function actionPlansOf(db: Db, schoolId: string, cycleId: string) {
  return db.select({ areaId: actionPlans.areaId, target: actionPlans.target, actions: actionPlans.actions, updatedAt: actionPlans.updatedAt })
    .from(actionPlans).where(and(eq(actionPlans.schoolId, schoolId), eq(actionPlans.cycleId, cycleId)))
}

export async function upsertActionPlan(db: Db, values: typeof actionPlans.$inferInsert) {
  await db.insert(actionPlans).values(values).onConflictDoUpdate({
    target: [actionPlans.schoolId, actionPlans.cycleId, actionPlans.areaId],
    set: { target: values.target, actions: values.actions, updatedBy: values.updatedBy, updatedAt: new Date() },
  })
}
