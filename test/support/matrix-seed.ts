import { passkeys } from '../../src/db/schema/passkeys'
import { randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { mailMessages } from '../../src/db/schema/operations'
import { responses } from '../../src/db/schema/responses'
import { teamInvitations } from '../../src/db/schema/team-invitations'
import { insertInboxItem } from '../../src/db/queries/inbox'
import { insertMembership } from '../../src/db/queries/schools'
import { insertResource } from '../../src/db/queries/resources'
import { latestProgress } from '../../src/db/queries/job-progress'
import type { Actor, SchoolRole } from '../../src/domain/policy/roles'
import { stripeGateway } from '../../src/services/badges/stripe-gateway'
import { issueBadgeForOrder } from '../../src/services/badges/badge-issue'
import { createSignInLink } from '../../src/services/auth/sign-in'
import { issueInvitation } from '../../src/services/cycles/invitation-issue'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import { BUILD_REPORTS_KIND } from '../../src/services/reports/cycle-scoring'
import { inviteColleague } from '../../src/services/team/team-invite'
import { seedBadgeOffer, seedBadgeOrder } from './badge-seed'
import { answersAtLevel, scoreCycleThroughAdmin, seedScoringCycle, seedScoringSchool, seedSubmittedResponse } from './scoring-seed'
import { seedMember, seedSchool, seedUser, signedIn } from './seed'
import { seedResponse } from './seed-response'
import { formPost, testApp, type TestApp } from './test-app'
import { seedWorkspace } from './workspace-seed'

// One fixture for the authorization matrix (test/security): every kind of thing a route can name, once, and the
// seven people who ask for it. School A has a leader, a coordinator and a contributor; school B has its own leader.

export const PERSONAS = ['anonymous', 'contributor', 'coordinator', 'leader', 'otherLeader', 'analyst', 'admin'] as const
export type Persona = (typeof PERSONAS)[number]

/** Stripe keys with an API address where nothing listens: the webhook route exists, no request leaves the machine. */
const STRIPE_KEYS = { STRIPE_SECRET_KEY: 'sk_test_matrix', STRIPE_WEBHOOK_SECRET: 'whsec_matrix' }

const memberActor = (user: { id: string; email: string }, schoolId: string, role: SchoolRole): Actor => ({
  kind: 'user', userId: user.id, email: user.email, name: null, programRole: null, memberships: [{ schoolId, role }],
})

const tokenIn = (text: string, path: string) => new RegExp(`${path}\\?token=([\\w-]+)`).exec(text)![1]!

export async function seedMatrixFixture() {
  const stripe = stripeGateway({ secretKey: STRIPE_KEYS.STRIPE_SECRET_KEY, webhookSecret: STRIPE_KEYS.STRIPE_WEBHOOK_SECRET }, { host: '127.0.0.1', port: 9, protocol: 'http' })
  const t: TestApp = await testApp(STRIPE_KEYS, { stripe })
  const { app, db, queue } = t

  // School A answering an open cycle, with its team; school B with its own leader.
  const ws = await seedWorkspace(db)
  const schoolA = ws.school
  const schoolB = await seedSchool(db)
  const otherLeader = await seedMember(db, schoolB.id, 'leader')
  const analyst = await seedUser(db, { programRole: 'analyst' })
  const admin = ws.admin
  const adminHeaders = await signedIn(db, admin)
  const leaderActor = memberActor(ws.leader, schoolA.id, 'leader')

  // An earlier submitted response of A, so carry-forward has something to offer.
  await seedResponse(db, schoolA.id, { submitted: true, answers: {} })

  // A finished round, scored and released, that research may use: A and five more schools, certified.
  const instrument = await storedInstrument(db, 'smm-2024')
  const finished = await seedScoringCycle(db, { status: 'closed', title: `Matrix finished round ${randomUUID().slice(0, 6)}`, disciplines: ['md'] })
  const finishedResponseA = await seedSubmittedResponse(db, { schoolId: schoolA.id, cycleId: finished.id, answers: answersAtLevel(instrument, 0.6) })
  for (const level of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const school = await seedScoringSchool(db, { discipline: 'md' })
    await seedSubmittedResponse(db, { schoolId: school.id, cycleId: finished.id, answers: answersAtLevel(instrument, level) })
  }
  await db.update(responses).set({ certifiedByName: 'Dean Certifier' }).where(eq(responses.cycleId, finished.id))
  await scoreCycleThroughAdmin(app, db, adminHeaders, finished.id)
  const released = await app.request(`/admin/cycles/${finished.id}/reports/release`, formPost({}, adminHeaders))
  if (released.status !== 303) throw new Error(`matrix seed: release answered ${released.status}`)

  // A's badge for the finished round: offered, paid and issued.
  await seedBadgeOffer(db, finished.id, { disciplines: ['md'] })
  const order = await seedBadgeOrder(db, { cycleId: finished.id, schoolId: schoolA.id })
  const issued = await issueBadgeForOrder(db, queue, await t.badgeIssuer(), order.id)
  if (!issued.issued) throw new Error(`matrix seed: badge not issued (${issued.why})`)

  // A's team invitation (its e-mail is also the outbox message the mail routes open).
  await inviteColleague(db, { jobs: queue, baseUrl: t.config.baseUrl }, leaderActor, ws.responseId, { email: `invitee-${randomUUID().slice(0, 6)}@example.test`, role: 'contributor' }, null)
  const teamMail = await newestMail(db, 'team-invitation')
  // Marked failed, as the outbox shows a message that gave up, so the admin's "send again" has something to retry.
  await db.update(mailMessages).set({ status: 'failed' }).where(eq(mailMessages.id, teamMail.id))
  const [teamInvitation] = await db.select({ id: teamInvitations.id }).from(teamInvitations).where(eq(teamInvitations.responseId, ws.responseId))

  // A's cycle invitation in a second open cycle, not yet answered: the dean's link and My school's "accept".
  const invitedTitle = `Matrix invited round ${randomUUID().slice(0, 6)}`
  const invitedOpens = new Date(Date.now() - 86_400_000)
  const invitedCycle = await seedScoringCycle(db, { status: 'open', title: invitedTitle, opensAt: invitedOpens, disciplines: ['md'] })
  const invitedParticipation = await addParticipation(db, invitedCycle.id, schoolA.id, 'invited')
  const invitation = await issueInvitation(db, queue, t.config.baseUrl, {
    id: invitedParticipation, inviteeEmail: 'dean@school-a.test', inviteeName: 'Dean A', schoolName: schoolA.name, cycleTitle: invitedTitle,
    deadlineAt: new Date(invitedOpens.getTime() + 60 * 86_400_000), deadlineOverrideAt: null,
  }, new Date())

  const inbox = await insertInboxItem(db, { kind: 'general-contact', senderName: 'A visitor', senderEmail: 'visitor@example.test', subject: 'A question', message: 'Hello.' })
  const resource = await insertResource(db, resourceValues())
  const signInLink = await createSignInLink(db, t.config.baseUrl, { userId: (await seedUser(db)).id }, new Date())
  const scoring = (await latestProgress(db, BUILD_REPORTS_KIND, finished.id))!

  const headers: Record<Exclude<Persona, 'anonymous'>, () => Promise<Record<string, string>>> = {
    contributor: () => signedIn(db, ws.contributor),
    coordinator: () => signedIn(db, ws.coordinator),
    leader: () => signedIn(db, ws.leader),
    otherLeader: () => signedIn(db, otherLeader),
    analyst: () => signedIn(db, analyst),
    admin: () => signedIn(db, admin),
  }

  return {
    t,
    /** A signed-in browser's headers for each persona; anonymous sends only our Origin. */
    headers,
    schoolA: schoolA.id,
    schoolB: schoolB.id,
    openCycle: ws.cycle.id,
    participationA: ws.participation.id,
    responseA: ws.responseId,
    contributorA: ws.contributor.id,
    finishedCycle: finished.id,
    finishedResponseA: finishedResponseA.id,
    scoringJob: scoring.id,
    badgeOrder: order.id,
    issuedBadge: issued.badgeId,
    issuedPublicId: issued.publicId,
    teamInvitation: teamInvitation!.id,
    teamJoinToken: tokenIn(teamMail.textBody, '/team/join'),
    mailId: teamMail.id,
    invitedCycle: invitedCycle.id,
    invitedParticipation,
    invitationToken: new URL(invitation!.link).searchParams.get('token')!,
    signInToken: new URL(signInLink).searchParams.get('token')!,
    inboxItem: inbox.id,
    resource: resource.id,
    resourceSlug: resource.slug,
    instrumentVersion: 'smm-2024',
    /** Targets made fresh for one check of a route that changes or removes what it names. */
    fresh: {
      user: async () => (await seedUser(db)).id,
      /** A passkey of the admin persona (only its owner may remove it); the key material is never checked here. */
      adminPasskey: async () => {
        const id = `matrix-${randomUUID()}`
        await db.insert(passkeys).values({ id, userId: admin.id, publicKey: 'not-a-key', counter: 0, transports: [], nickname: 'Matrix key' })
        return id
      },
      resource: async () => (await insertResource(db, resourceValues())).id,
      member: async () => (await seedMember(db, schoolA.id, 'contributor')).id,
      participation: async () => addParticipation(db, ws.cycle.id, (await seedSchool(db)).id, 'invited'),
      invitedParticipationOfA: async () => {
        const cycle = await seedScoringCycle(db, { status: 'open', opensAt: new Date(Date.now() - 86_400_000), disciplines: ['md'] })
        return addParticipation(db, cycle.id, schoolA.id, 'invited')
      },
      teamInvitation: async () => {
        await inviteColleague(db, { jobs: queue, baseUrl: t.config.baseUrl }, leaderActor, ws.responseId, { email: `invitee-${randomUUID().slice(0, 6)}@example.test`, role: 'contributor' }, null)
        const [newest] = await db.select({ id: teamInvitations.id }).from(teamInvitations).where(eq(teamInvitations.responseId, ws.responseId)).orderBy(desc(teamInvitations.createdAt)).limit(1)
        return newest!.id
      },
    },
    addMembership: (userId: string, role: SchoolRole) => insertMembership(db, { schoolId: schoolA.id, userId, role }),
  }
}

export type MatrixFixture = Awaited<ReturnType<typeof seedMatrixFixture>>

async function newestMail(db: TestApp['db'], kind: string) {
  const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.kind, kind)).orderBy(desc(mailMessages.createdAt)).limit(1)
  if (!mail) throw new Error(`matrix seed: no ${kind} mail`)
  return mail
}

async function addParticipation(db: TestApp['db'], cycleId: string, schoolId: string, status: 'invited' | 'accepted') {
  const [p] = await db.insert(cycleParticipations).values({ cycleId, schoolId, status, source: 'all-eligible' }).returning({ id: cycleParticipations.id })
  return p!.id
}

function resourceValues() {
  const text = 'A toolkit file for the matrix.'
  const slug = `matrix-toolkit-${randomUUID().slice(0, 8)}`
  return { slug, kind: 'toolkit' as const, title: 'Matrix toolkit', summary: 'A toolkit resource.', body: text, fileName: 'matrix.txt', fileType: 'text/plain', fileSize: text.length, fileData: Buffer.from(text) }
}
