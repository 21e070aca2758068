import type { Db } from '../../db/client'
import { badgesOfSchool, inauguralSupporters, schoolChoices, schoolExists, schoolListing, upsertSchoolBadgeSettings } from '../../db/queries/badge-directory'
import { countIssuedBadges, issuableCountsByCycle, issuedBadgeList } from '../../db/queries/issued-badges'
import { can } from '../../domain/policy/policy'
import { SUPPORTER_NOTE_MAX, badgeStatus, supporterYearProblem } from '../../domain/badges/badge-status'
import type { Actor } from '../../domain/policy/roles'
import { recordAudit } from '../audit'
import { assertCan, notFound, signInRequired } from '../errors'
import { pageSlice } from '../../domain/paging/page-slice'

// A school's badge settings: the leader's directory listing and the program team's Inaugural Supporter flag.

/** The school's own badge page: its badges and whether the directory lists it. Another school's: 404. */
export async function schoolBadgePage(db: Db, actor: Actor, schoolId: string, now: Date) {
  if (actor.kind === 'anonymous') signInRequired()
  // As with reports: another school's page does not exist for you.
  if (!can(actor, 'school.badge.listing', { schoolId })) notFound('school')
  const school = (await schoolListing(db, schoolId)) ?? notFound('school')
  const badges = (await badgesOfSchool(db, schoolId)).map((b) => ({ ...b, status: badgeStatus(b, now) }))
  return { ...school, badges }
}

/** The leader lists the school's badges in the public directory, or stops listing them; audited. */
export async function setDirectoryListing(db: Db, actor: Actor, schoolId: string, listed: boolean, ip: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    const school = await schoolBadgePage(tx, actor, schoolId, now)
    await upsertSchoolBadgeSettings(tx, schoolId, { listedInDirectory: listed }, actor.kind === 'user' ? actor.userId : null, now)
    await recordAudit(tx, actor, listed ? 'badge.directory-listed' : 'badge.directory-unlisted', { schoolId }, { ip })
    return { schoolName: school.schoolName }
  })
}

export async function supportersConsole(db: Db, actor: Actor) {
  assertCan(actor, 'badge.manage')
  return { supporters: await inauguralSupporters(db), schools: await schoolChoices(db) }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type SupporterOutcome = { ok: true; schoolName: string } | { ok: false; errors: Record<string, string[]> }

/** Flags a school as an Inaugural Supporter: invited for its early engagement, never chosen by its scores. */
export async function flagInauguralSupporter(db: Db, actor: Actor, input: { schoolId: string; year: string; note: string }, ip: string | null, now = new Date()): Promise<SupporterOutcome> {
  assertCan(actor, 'badge.manage')
  const errors: Record<string, string[]> = {}
  const yearProblem = supporterYearProblem(input.year, now)
  if (yearProblem) errors.year = [yearProblem]
  if (input.note.trim().length > SUPPORTER_NOTE_MAX) errors.note = [`The note must be at most ${SUPPORTER_NOTE_MAX} characters.`]
  const school = UUID.test(input.schoolId) ? await schoolExists(db, input.schoolId) : undefined
  if (!school) errors.schoolId = ['Choose the school.']
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return db.transaction(async (tx) => {
    const note = input.note.trim() || null
    await upsertSchoolBadgeSettings(tx, school!.id, { inauguralSupporterYear: Number(input.year.trim()), inauguralSupporterNote: note }, actor.kind === 'user' ? actor.userId : null, now)
    await recordAudit(tx, actor, 'badge.supporter-flagged', { schoolId: school!.id, details: { year: Number(input.year.trim()), note } }, { ip })
    return { ok: true, schoolName: school!.name }
  })
}

export async function removeInauguralSupporter(db: Db, actor: Actor, schoolId: string, ip: string | null, now = new Date()) {
  return db.transaction(async (tx) => {
    assertCan(actor, 'badge.manage')
    const school = (await schoolExists(tx, schoolId)) ?? notFound('school')
    await upsertSchoolBadgeSettings(tx, schoolId, { inauguralSupporterYear: null, inauguralSupporterNote: null }, actor.kind === 'user' ? actor.userId : null, now)
    await recordAudit(tx, actor, 'badge.supporter-removed', { schoolId }, { ip })
    return { schoolName: school.name }
  })
}

/** One page of the issued badges (decision 163) and the orders still waiting for theirs, per cycle. */
export async function issuedBadgesConsole(db: Db, actor: Actor, now: Date, page: number) {
  assertCan(actor, 'badge.manage')
  const slice = pageSlice(page, await countIssuedBadges(db))
  return {
    badges: (await issuedBadgeList(db, slice)).map((b) => ({ ...b, status: badgeStatus(b, now) })),
    slice,
    waiting: await issuableCountsByCycle(db),
  }
}
