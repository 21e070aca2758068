import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { users } from '../../src/db/schema/accounts'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { mailMessages } from '../../src/db/schema/operations'
import { resources } from '../../src/db/schema/resources'
import { schoolMemberships } from '../../src/db/schema/schools'
import { reportReleases } from '../../src/db/schema/scoring'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { seedDemoOnce } from '../../src/services/demo/seed-demo'
import { issueAllBadges } from '../../src/services/badges/badge-issue'
import { JOB_NAMES } from '../../src/services/jobs'
import { signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db, queue, badgeIssuer } = await testApp()
await seedDemoOnce(db, queue, CLI_OPERATOR, new Date(), 'http://localhost')
const [open] = await db.select().from(cycles).where(eq(cycles.status, 'open'))
const [past] = await db.select().from(cycles).where(eq(cycles.status, 'released'))

describe('demo data that shows the product', () => {
  test('the open round has schools at every stage, each dean invited by a real e-mail', async () => {
    const rows = await db.select().from(cycleParticipations).where(eq(cycleParticipations.cycleId, open!.id))
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['invited', 'accepted', 'in_progress', 'submitted', 'declined']))
    expect(rows.some((r) => r.deadlineOverrideAt !== null)).toBe(true)
    expect(rows.every((r) => r.inviteeEmail && r.invitationMailId)).toBe(true)
    const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.id, rows[0]!.invitationMailId!))
    expect(mail).toMatchObject({ status: 'sent', kind: 'invitation' })
    expect(mail!.textBody).toMatch(/http:\/\/localhost\/invitation\?token=/)
  })

  test('the demo dean leads a team of three, and reads last year’s released report', async () => {
    const [dean] = await db.select().from(users).where(eq(users.email, 'dean@demo.socialmissionmetrics.test'))
    const [membership] = await db.select().from(schoolMemberships).where(eq(schoolMemberships.userId, dean!.id))
    const team = await db.select().from(schoolMemberships).where(eq(schoolMemberships.schoolId, membership!.schoolId))
    expect(team.map((m) => m.role).sort()).toEqual(['contributor', 'coordinator', 'leader'])

    const [release] = await db.select().from(reportReleases).where(and(eq(reportReleases.cycleId, past!.id), eq(reportReleases.schoolId, membership!.schoolId)))
    expect(release).toBeDefined()
    const res = await app.request(`/school/reports/${release!.responseId}`, { headers: await signedIn(db, dean!) })
    expect(res.status).toBe(200)
  })

  test('last year’s round is scored and released, and the toolkit and area resources are there', async () => {
    const submitted = await db.select().from(cycleParticipations).where(and(eq(cycleParticipations.cycleId, past!.id), eq(cycleParticipations.status, 'submitted')))
    const released = await db.select().from(reportReleases).where(eq(reportReleases.cycleId, past!.id))
    expect(released.length).toBe(submitted.length)
    const shelf = await db.select({ kind: resources.kind, slug: resources.slug }).from(resources)
    expect(shelf.filter((r) => r.kind === 'toolkit').map((r) => r.slug)).toEqual(expect.arrayContaining(['letter-to-your-dean', 'one-page-explainer']))
    expect(shelf.filter((r) => r.kind === 'area-resource').length).toBeGreaterThanOrEqual(3)
    const toolkit = await (await app.request('/toolkits')).text()
    expect(toolkit).toContain('A letter a faculty member can send their dean')
  })

  test('several of last year’s schools hold a signed badge: the directory lists them and thanks the supporters', async () => {
    // The seed settles the orders and queues the real issuing job; run it as the app's worker would.
    const [job] = await queue.boss.fetch<{ cycleId: string; progressId: string }>(JOB_NAMES.badgeIssueAll)
    expect(job!.data.cycleId).toBe(past!.id)
    await issueAllBadges(db, queue, await badgeIssuer(), job!.data)
    const directory = await (await app.request('/badges')).text()
    const listed = [...directory.matchAll(/href="\/badges\/verify\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!)
    expect(new Set(listed).size).toBe(8)
    const supporters = directory.slice(directory.indexOf('id="inaugural-supporters"'))
    expect(supporters.match(/Piloted the badge/g)).toHaveLength(2)
    const verify = await (await app.request(`/badges/verify/${listed[0]}`)).text()
    expect(verify).toMatch(/valid/i)
    expect(verify).not.toMatch(/revoked|expired/i)
  })
})
