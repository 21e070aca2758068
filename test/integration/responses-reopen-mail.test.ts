import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { mailMessages } from '../../src/db/schema/operations'
import { formPost, testApp } from '../support/test-app'
import { signedIn } from '../support/seed'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

const { app, db } = await testApp()

describe('reopening a submitted response', () => {
  test('e-mails the school’s leader the reason, and nobody else on the team', async () => {
    const w = await seedWorkspace(db)
    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const leader = await signedIn(db, w.leader)
    expect((await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dean Leader', certify: 'yes' }, leader))).status).toBe(303)

    const admin = await signedIn(db, w.admin)
    // A reason too short to explain anything is refused beside the reason field, and no one is e-mailed.
    const tooShort = await app.request(`/admin/responses/${w.responseId}/reopen`, formPost({ reason: 'x' }, admin))
    expect(tooShort.status).toBe(422)
    expect(await tooShort.text()).toContain('Say why the response is reopened')
    const reopened = await app.request(`/admin/responses/${w.responseId}/reopen`, formPost({ reason: 'The student counts include last year' }, admin))
    expect(reopened.status).toBe(303)

    const reopenMails = await db.select().from(mailMessages).where(eq(mailMessages.kind, 'response.reopened'))
    const mine = reopenMails.filter((m) => [w.leader.email, w.coordinator.email, w.contributor.email].includes(m.toAddress))
    expect(mine.map((m) => m.toAddress)).toEqual([w.leader.email])
    expect(mine[0]!.subject).toContain('Reopened')
    expect(mine[0]!.textBody).toContain('The student counts include last year')
    expect(mine[0]!.textBody).toContain(`/school/responses/${w.responseId}`)
    expect(mine[0]!.textBody).toContain('Your team can change the answers until')

    // Once reopened there is nothing to reopen, whatever the reason says (its page no longer has the form).
    const again = await app.request(`/admin/responses/${w.responseId}/reopen`, formPost({ reason: 'x' }, admin))
    expect(again.status).toBe(409)
    expect(await db.select().from(mailMessages).where(and(eq(mailMessages.kind, 'response.reopened'), eq(mailMessages.toAddress, w.leader.email)))).toHaveLength(1)
  })
})
