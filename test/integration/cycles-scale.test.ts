import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { jobProgress } from '../../src/db/schema/job-progress'
import { mailMessages } from '../../src/db/schema/operations'
import { insertSchools } from '../../src/db/queries/schools'
import { sendCycleInvitations } from '../../src/services/cycles/send-invitations'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn, importShippedInstruments } from '../support/seed'

// A national round: opening a cycle for 2,000 schools answers at once; the invitations are created in the
// background in batches while the cycle page shows a progress bar. Timings are printed, never asserted.

const { app, db, queue } = await testApp()
await importShippedInstruments(db)
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)
const SCHOOLS = 2_000

describe('opening a cycle for 2,000 schools', () => {
  test('the request returns 303 at once; the page shows progress; the background job creates every invitation', async () => {
    const tag = randomUUID().slice(0, 6)
    for (let i = 0; i < SCHOOLS; i += 500) {
      await insertSchools(db, Array.from({ length: 500 }, (_, k) => ({
        name: `Scale ${tag} Nursing ${i + k}`, city: 'Columbus', state: 'OH', discipline: 'nursing-adn' as const,
        control: 'public' as const, carnegieGroup: 'associate' as const, deanEmail: `dean-${i + k}-${tag}@scale.test`,
      })))
    }
    const body = new URLSearchParams({
      title: 'Scale round', instrumentVersion: 'smm-2024', disciplines: 'nursing-adn',
      opensOn: '2026-01-01', deadlineOn: '2030-12-31', reminderDays: '30',
    })
    const created = await app.request('/admin/cycles/new', { ...formPost({}, headers), body })
    const cycleId = created.headers.get('location')!.split('/').pop()!

    const started = performance.now()
    const opened = await app.request(`/admin/cycles/${cycleId}/advance`, formPost({ to: 'open' }, headers))
    const openMs = performance.now() - started
    expect(opened.status).toBe(303)

    // No worker runs in this process yet: the page shows the bar at 0 of 2,000, kept current by the progress script.
    const page = await app.request(`/admin/cycles/${cycleId}`, { headers })
    const html = await page.text()
    expect(html).toContain(`<progress id="sending" max="${SCHOOLS}" value="0">`)
    expect(html).toContain(`data-job-progress="/admin/cycles/${cycleId}/progress/invitations"`)

    // What the worker does, run here so it can be timed.
    const [progress] = await db.select().from(jobProgress).where(eq(jobProgress.subject, cycleId))
    const jobStarted = performance.now()
    await sendCycleInvitations(db, queue, 'http://localhost', { cycleId, progressId: progress!.id })
    const jobMs = performance.now() - jobStarted

    const [done] = await db.select().from(jobProgress).where(eq(jobProgress.id, progress!.id))
    expect(done).toMatchObject({ status: 'done', done: SCHOOLS, total: SCHOOLS })
    const [mails] = await db.select({ n: sql<number>`count(*)::int` }).from(mailMessages).where(eq(mailMessages.kind, 'invitation'))
    expect(mails!.n).toBe(SCHOOLS)
    const [uninvited] = await db.select({ n: sql<number>`count(*)::int` }).from(cycleParticipations)
      .where(sql`${cycleParticipations.cycleId} = ${cycleId} and ${cycleParticipations.invitationMailId} is null`)
    expect(uninvited!.n).toBe(0)
    const after = await app.request(`/admin/cycles/${cycleId}`, { headers })
    const afterHtml = await after.text()
    expect(afterHtml).toContain(`${SCHOOLS} invitations created`)
    expect(afterHtml).not.toContain('data-job-progress')

    console.info(`[scale] ${SCHOOLS} schools: open request ${openMs.toFixed(0)} ms; invitation job ${jobMs.toFixed(0)} ms (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`)
  }, 300_000)
})
