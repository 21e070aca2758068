import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { cycleParticipations, cycles } from '../../src/db/schema/cycles'
import { auditEvents } from '../../src/db/schema/operations'
import { reportReleases } from '../../src/db/schema/scoring'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { signedIn } from '../support/seed'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

// The dean's journey through the school pages: My school's task list, the questionnaire's areas, check your
// answers, the confirmation page and the PDFs, and the cache header every school page sends.

const { app, db } = await testApp()
const page = async (path: string, headers: Record<string, string>) => {
  const res = await app.request(path, { headers })
  return { status: res.status, html: await res.text(), res }
}
/** The page's words as a person reads them: tags, attributes and scripts removed. */
const words = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('My school', () => {
  test('each person sees the cycle as a task list with the deadline, days left and the next step that is theirs', async () => {
    const w = await seedWorkspace(db, { contributorAreas: ['recognition'], deadlineInDays: 12 })
    const leader = words((await page('/school', await signedIn(db, w.leader))).html)
    expect(leader).toContain(w.cycle.title)
    expect(leader).toMatch(/\(1[12] days left\)/)
    expect(leader).toContain('Accept the invitation Completed')
    expect(leader).toContain('Invite your team Completed')
    expect(leader).toMatch(/Answer the questions 0 of \d+ questions answered Not yet started/)
    expect(leader).toContain('Check your answers and submit Cannot start yet')
    expect(leader).toMatch(/What to do next Answer the questions in “[^”]+”/)
    expect(leader).toContain(`${w.contributor.email} · Contributor`)

    const contributor = words((await page('/school', await signedIn(db, w.contributor))).html)
    expect(contributor).toContain('Answer the questions in “Recognition of social-mission work”')
  })

  test('a signed-in leader accepts a new invitation for the school there; others may not, and it cannot be accepted twice', async () => {
    const w = await seedWorkspace(db)
    const [next] = await db.insert(cycles).values({
      title: `Next round ${randomUUID().slice(0, 6)}`, instrumentVersion: 'smm-2024', disciplines: ['md'], status: 'open',
      opensAt: new Date(), deadlineAt: new Date(Date.now() + 40 * 86_400_000),
    }).returning()
    const [invited] = await db.insert(cycleParticipations).values({ cycleId: next!.id, schoolId: w.school.id, status: 'invited', source: 'all-eligible' }).returning()
    const leader = await signedIn(db, w.leader)
    const before = await page('/school', leader)
    expect(before.html).toContain(`action="/school/participations/${invited!.id}/accept"`)
    expect((await page('/school', await signedIn(db, w.coordinator))).html).not.toContain(`/participations/${invited!.id}/accept`)

    expect((await app.request(`/school/participations/${invited!.id}/accept`, formPost({}, await signedIn(db, w.coordinator)))).status).toBe(403)
    const accepted = await app.request(`/school/participations/${invited!.id}/accept`, formPost({}, leader))
    expect(accepted.status).toBe(303)
    const [row] = await db.select({ status: cycleParticipations.status }).from(cycleParticipations).where(eq(cycleParticipations.id, invited!.id))
    expect(row!.status).toBe('accepted')
    const audit = await db.select({ actor: auditEvents.actorUserId }).from(auditEvents).where(and(eq(auditEvents.action, 'cycle.invitation-accepted'), eq(auditEvents.subject, invited!.id)))
    expect(audit).toEqual([{ actor: w.leader.id }])
    const twice = await app.request(`/school/participations/${invited!.id}/accept`, formPost({}, leader))
    expect(twice.status).toBe(409)
    expect(words(await twice.text())).toContain('already been answered')
    expect(words((await page('/school', leader)).html)).toContain('Start the response')
  })

  test('once released, the report is one click away for the leader, and only for the leader', async () => {
    const w = await seedWorkspace(db)
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const leader = await signedIn(db, w.leader)
    expect((await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dana Dean', certify: 'yes' }, leader))).status).toBe(303)
    await db.update(cycles).set({ status: 'released' }).where(eq(cycles.id, w.cycle.id))
    await db.insert(reportReleases).values({ responseId: w.responseId, cycleId: w.cycle.id, schoolId: w.school.id })
    const html = (await page('/school', leader)).html
    expect(html).toContain(`href="/school/reports/${w.responseId}"`)
    expect(words(html)).toContain('Read your school’s report Available')
    expect((await page('/school', await signedIn(db, w.coordinator))).html).not.toContain(`/school/reports/${w.responseId}`)
  })
})

describe('the questionnaire', () => {
  test('an area lists every area with its status, numbers its questions, shows no ids to the school and links to the areas either side', async () => {
    const w = await seedWorkspace(db, { contributorAreas: ['recognition'] })
    const leader = await signedIn(db, w.leader)
    const { html } = await page(`/school/responses/${w.responseId}/areas/pathway-programs`, leader)
    expect(html).not.toContain('class="item-id"')
    expect(words(html)).not.toContain('pathway-programs.has-programs')
    expect(words(html)).toMatch(/\d+\.1 Does the school run or co-run at least one pathway program/)
    expect(html).toMatch(/rel="(prev|next)"/)
    expect(words(html)).toMatch(/\d+\. Recognition of social-mission work 0 of \d+ answered · Assigned to \S+ Not yet started/)
    expect(words(html)).toContain('Follow-up questions appear after you save')

    const paper = await page(`/school/responses/${w.responseId}/areas/pathway-programs`, await signedIn(db, w.admin))
    expect(paper.html).toContain('class="item-id"')
  })

  test('the overview counts the questions that apply and says how long is left; a follow-up raises the count but not the bar', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const save = (itemId: string, value: unknown, baseVersion = 0) =>
      app.request(`/school/responses/${w.responseId}/answers`, { method: 'POST', headers: { ...leader, 'Content-Type': 'application/json', Origin: TEST_ORIGIN }, body: JSON.stringify({ itemId, value, baseVersion }) })
    const bar = (html: string) => {
      const m = html.match(/<progress max="(\d+)" value="(\d+)"/)!
      return { max: Number(m[1]), value: Number(m[2]) }
    }
    const count = (html: string) => words(html).match(/Whole questionnaire: (\d+) of (\d+) questions answered/)!.slice(1).map(Number)
    const first = await page(`/school/responses/${w.responseId}`, leader)
    expect(words(first.html)).toMatch(/About \d+ minutes of answering are left/)
    const [, totalBefore] = count(first.html)
    expect((await save('pathway-programs.has-programs', true)).status).toBe(200)
    const after = await page(`/school/responses/${w.responseId}`, leader)
    const [answered, totalAfter] = count(after.html)
    expect(answered).toBe(1)
    expect(totalAfter).toBeGreaterThan(totalBefore!) // the follow-ups now apply
    expect(bar(after.html).value).toBeGreaterThanOrEqual(bar(first.html).value + 1)
  })

  test('a refused answer comes back in an error summary linking to the field, which is marked invalid and described by its message', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const res = await app.request(`/school/responses/${w.responseId}/areas/student-diversity`, formPost({ 'student-diversity.first-gen-share': '140', 'student-diversity.first-gen-share.base': '0' }, leader))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toMatch(/<div class="error-summary"[^>]*>[\s\S]*href="#student-diversity.first-gen-share"[^>]*>Question \d+\.\d+: A percentage is between 0 and 100\./)
    const input = html.match(/<input id="student-diversity.first-gen-share"[^>]*>/)![0]
    expect(input).toContain('aria-invalid="true"')
    expect(input).toMatch(/aria-describedby="[^"]*student-diversity.first-gen-share-error/)
    expect(html).toContain('id="student-diversity.first-gen-share-error"')
  })

  test('a yes/no question carries its anchor on its first choice, so links to it land on the field', async () => {
    const w = await seedWorkspace(db)
    const { html } = await page(`/school/responses/${w.responseId}/areas/pathway-programs`, await signedIn(db, w.leader))
    expect(html).toMatch(/<input id="pathway-programs.has-programs" type="radio" name="pathway-programs.has-programs" value="yes"/)
  })
})

describe('check your answers, submit, confirmation and copies', () => {
  test('every answer by area with who gave it and a Change link; submitting leads to a confirmation page and a PDF copy', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const blocked = words((await page(`/school/responses/${w.responseId}/review`, leader)).html)
    expect(blocked).toContain('Before you can submit')
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const review = await page(`/school/responses/${w.responseId}/review`, leader)
    expect(review.html).toContain(`href="/school/responses/${w.responseId}/areas/pathway-programs#pathway-programs.has-programs"`)
    expect(words(review.html)).toMatch(new RegExp(`\\d+\\.1 Does the school run or co-run at least one pathway program[^?]*\\? No ${w.leader.email.replace('.', '\\.')}, `))

    const noName = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certify: 'yes' }, leader))
    expect(noName.status).toBe(422)
    const noNameHtml = await noName.text()
    expect(noNameHtml).toMatch(/class="error-summary"[\s\S]*href="#certifiedName"/)
    expect(noNameHtml).toMatch(/<input id="certifiedName"[^>]*aria-invalid="true"/)

    const done = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dana Dean', certify: 'yes' }, leader))
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe(`/school/responses/${w.responseId}/submitted`)
    const confirmation = await page(done.headers.get('location')!, leader)
    expect(words(confirmation.html)).toContain('Answers submitted')
    expect(words(confirmation.html)).toContain('certified by Dana Dean')
    expect(confirmation.html).toContain(`/school/responses/${w.responseId}/answers.pdf`)

    const copy = await app.request(`/school/responses/${w.responseId}/answers.pdf`, { headers: leader })
    expect(copy.status).toBe(200)
    expect(copy.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await copy.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    const audited = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.subject, w.responseId), eq(auditEvents.action, 'response.answers-copied')))
    expect(audited).toHaveLength(1)
    expect((await page('/school', leader)).html).toContain(`/school/responses/${w.responseId}/answers.pdf`)
  })

  test('the confirmation page exists only after submitting; the PDFs are the school’s alone', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    expect((await app.request(`/school/responses/${w.responseId}/submitted`, { headers: leader })).status).toBe(409)
    const printable = await app.request(`/school/responses/${w.responseId}/questionnaire.pdf`, { headers: await signedIn(db, w.contributor) })
    expect(printable.status).toBe(200)
    expect(printable.headers.get('content-disposition')).toMatch(/attachment; filename="questionnaire-.*\.pdf"/)
    const stranger = await signedIn(db, (await seedWorkspace(db)).leader)
    for (const path of ['answers.pdf', 'questionnaire.pdf', 'review']) expect((await app.request(`/school/responses/${w.responseId}/${path}`, { headers: stranger })).status).toBe(404)
  })
})

test('every school page and the autosave are private and never stored', async () => {
  const w = await seedWorkspace(db)
  const leader = await signedIn(db, w.leader)
  const base = `/school/responses/${w.responseId}`
  for (const path of ['/school', base, `${base}/areas/pathway-programs`, `${base}/review`, `${base}/team`, `${base}/questionnaire.pdf`, `${base}/no-such-page`]) {
    const res = await app.request(path, { headers: leader })
    expect([path, res.headers.get('cache-control')]).toEqual([path, 'private, no-store'])
  }
  const saved = await app.request(`${base}/answers`, { method: 'POST', headers: { ...leader, 'Content-Type': 'application/json', Origin: TEST_ORIGIN }, body: JSON.stringify({ itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }) })
  expect(saved.status).toBe(200)
  expect(saved.headers.get('cache-control')).toBe('private, no-store')
  expect((await app.request('/about')).headers.get('cache-control')).not.toBe('private, no-store')
})
