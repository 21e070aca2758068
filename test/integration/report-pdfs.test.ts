import { and, eq } from 'drizzle-orm'
import { unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { latestProgress } from '../../src/db/queries/job-progress'
import { reportPdfPool } from '../../src/jobs/report-pdf-pool'
import { startWorkers } from '../../src/jobs/workers'
import { REPORT_PDFS_KIND, prepareReportPdfs } from '../../src/services/reports/report-pdf-pack'
import { createMailTransport } from '../../src/mail/transport'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { pdfText } from '../support/pdf-text'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from '../support/scoring-seed'
import { seedMember, seedUser, signedIn } from '../support/seed'
import { formPost, testApp } from '../support/test-app'

// "Prepare every report as PDF" (decision 170): a job draws every scored report of a cycle on a pool of worker
// threads, with live progress, and the program team downloads one zip with a PDF per school named by the school.

const { app, db, queue } = await testApp()
await importInstrumentDirectory(db, CLI_OPERATOR)
const instrument = await storedInstrument(db, 'smm-2024')
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)

const cycle = await seedScoringCycle(db, { status: 'closed', title: '2026 national round' })
const NAMES = ['Riverside College of Medicine', 'Lakeview School of Dentistry', 'Hillcrest University: Nursing', 'Riverside College of Medicine']
const schoolIds: string[] = []
for (const [i, name] of NAMES.entries()) {
  const school = await seedScoringSchool(db, { discipline: i === 1 ? 'dental' : 'md', name })
  await seedSubmittedResponse(db, { schoolId: school.id, cycleId: cycle.id, answers: answersAtLevel(instrument, 0.3 + i * 0.2) })
  schoolIds.push(school.id)
}
await scoreCycleThroughAdmin(app, db, adminHeaders, cycle.id)
// Scored first, then the workers, so only this test's own job is picked up; two threads, as on a 2-core machine.
await startWorkers(queue, { db, transport: createMailTransport(undefined), mailFrom: 'SMM <no-reply@smm.test>', pollSeconds: 0.5, baseUrl: 'http://localhost', jobs: queue, reportPdfWorkers: 2 })

const base = `/admin/cycles/${cycle.id}/reports/pdfs`
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const progress = async () => (await (await app.request(`/admin/cycles/${cycle.id}/progress/pdfs`, { headers: adminHeaders })).json()) as { status: string; done: number; total: number }
const exportsAudited = () => db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cycle.report-pdfs-exported'), eq(auditEvents.subject, cycle.id)))

describe('every report of a cycle as PDF', () => {
  test('an analyst and a school leader are refused the page, the start and the zip (403), and nothing is audited as an export', async () => {
    const analyst = await signedIn(db, await seedUser(db, { programRole: 'analyst' }))
    const leader = await signedIn(db, await seedMember(db, schoolIds[0]!, 'leader'))
    for (const headers of [analyst, leader]) {
      for (const res of [await app.request(base, { headers }), await app.request(base, formPost({}, headers)), await app.request(`${base}.zip`, { headers })]) {
        expect(res.status).toBe(403) // /admin answers `admin.console` before any route runs
      }
    }
    expect(await exportsAudited()).toHaveLength(0)
    expect(await progress()).toMatchObject({ status: 'none' })
  })

  test('the confirmation names the count; the job reaches the total; the zip holds one readable PDF per school, named by the school', async () => {
    expect(plain(await (await app.request(base, { headers: adminHeaders })).text())).toContain('Prepare 4 report PDFs')
    // Before any run the download sends the admin to the page rather than to an empty zip.
    const early = await app.request(`${base}.zip`, { headers: adminHeaders })
    expect(early.status).toBe(303)
    expect(early.headers.get('location')).toBe(base)

    const started = await app.request(base, formPost({}, adminHeaders))
    expect(started.status).toBe(303)
    await expect.poll(async () => (await progress()).status, { timeout: 90_000, interval: 500 }).toBe('done')
    expect(await progress()).toMatchObject({ done: 4, total: 4 })
    expect(plain(await (await app.request(base, { headers: adminHeaders })).text())).toContain('4 report PDFs prepared')

    const res = await app.request(`${base}.zip`, { headers: adminHeaders })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="reports-2026-national-round.zip"')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual([
      'Hillcrest University- Nursing.pdf', 'Lakeview School of Dentistry.pdf', 'Riverside College of Medicine (2).pdf', 'Riverside College of Medicine.pdf',
    ])
    for (const [name, pdf] of Object.entries(files)) {
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ')
      expect(text).toContain(`${name.replace(/( \(2\))?\.pdf$/, '').replace('University-', 'University:')}: 2026 national round`)
      expect(text).toContain('Executive summary')
      expect(text).toContain('Not released yet') // none is released: the program team's copy says so
    }
    // The namesakes' files are their own reports, not one report twice.
    expect(await pdfText(files['Riverside College of Medicine.pdf']!)).not.toBe(await pdfText(files['Riverside College of Medicine (2).pdf']!))

    const audited = await exportsAudited()
    expect(audited).toHaveLength(1)
    expect(audited[0]).toMatchObject({ actorUserId: admin.id, details: { reports: 4 } })
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'cycle.report-pdfs-started'), eq(auditEvents.subject, cycle.id)))).toHaveLength(1)
  })

  test('the job run again (a retry) draws nothing twice: the count stays at the total and the zip holds each school once', async () => {
    const run = (await latestProgress(db, REPORT_PDFS_KIND, cycle.id))!
    await prepareReportPdfs(db, () => reportPdfPool(1), { cycleId: cycle.id, progressId: run.id })
    expect(await progress()).toMatchObject({ status: 'done', done: 4, total: 4 })
    const files = unzipSync(new Uint8Array(await (await app.request(`${base}.zip`, { headers: adminHeaders })).arrayBuffer()))
    expect(Object.keys(files)).toHaveLength(4)
  })
})
