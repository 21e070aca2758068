import { passkeys } from '../../../src/db/schema/passkeys'
import { and, eq, ne } from 'drizzle-orm'
import Stripe from 'stripe'
import { users } from '../../../src/db/schema/accounts'
import { badgeOffers, badgeOrders, badges } from '../../../src/db/schema/badges'
import { cycleParticipations, cycles } from '../../../src/db/schema/cycles'
import { inboxItems } from '../../../src/db/schema/inbox'
import { mailMessages } from '../../../src/db/schema/operations'
import { resources } from '../../../src/db/schema/resources'
import { schoolMemberships } from '../../../src/db/schema/schools'
import { reportReleases } from '../../../src/db/schema/scoring'
import { responses } from '../../../src/db/schema/responses'
import { teamInvitations } from '../../../src/db/schema/team-invitations'
import { CLI_OPERATOR } from '../../../src/domain/policy/roles'
import { stripeGateway } from '../../../src/services/badges/stripe-gateway'
import { seedDemoOnce } from '../../../src/services/demo/seed-demo'
import { DEMO_ACCOUNTS } from '../../../src/services/demo/demo-schools'
import { seedBadgeOffer, seedBadgeOrder } from '../badge-seed'
import { seedUser, signedIn } from '../seed'
import { TEST_ORIGIN, formPost, testApp, type TestApp } from '../test-app'
import type { Persona, WorldRef } from './fuzz-routes'

const STRIPE_KEYS = { secretKey: 'sk_test_fuzzing', webhookSecret: 'whsec_fuzzingsecret' }

export type FuzzWorld = TestApp & {
  ids: Record<WorldRef, string>
  headersOf: (persona: Persona) => Record<string, string>
  /** Signs a webhook payload as Stripe does, with the configured secret. */
  stripeSignature: (payload: string) => string
}

/**
 * The app on the demo data (every stage of a round, a dean with a team, last year's released reports) plus what
 * the demo lacks: a badge offer with an unpaid order and an issued badge, a team invitation, a Champion
 * nomination and an account an admin may change. Stripe is configured (its API is never called: webhooks are
 * verified locally), so the webhook route exists and is fuzzed.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  const t = await testApp(
    { STRIPE_SECRET_KEY: STRIPE_KEYS.secretKey, STRIPE_WEBHOOK_SECRET: STRIPE_KEYS.webhookSecret },
    { stripe: stripeGateway(STRIPE_KEYS, { host: '127.0.0.1', port: 9, protocol: 'http' }) },
  )
  const { db, app } = t
  await seedDemoOnce(db, t.queue, CLI_OPERATOR, new Date(), TEST_ORIGIN)
  const one = <T>(rows: T[], what: string): T => rows[0] ?? fail(`fuzz world: no ${what}`)

  const [admin] = await db.select().from(users).where(eq(users.email, DEMO_ACCOUNTS.admin.email))
  const [dean] = await db.select().from(users).where(eq(users.email, 'dean@demo.socialmissionmetrics.test'))
  const deanSchool = one(await db.select().from(schoolMemberships).where(eq(schoolMemberships.userId, dean!.id)), 'dean school').schoolId
  const colleague = one(await db.select().from(schoolMemberships).where(and(eq(schoolMemberships.schoolId, deanSchool), eq(schoolMemberships.role, 'contributor'))), 'colleague').userId
  const openCycle = one(await db.select().from(cycles).where(eq(cycles.status, 'open')), 'open cycle').id
  const pastCycle = one(await db.select().from(cycles).where(eq(cycles.status, 'released')), 'released cycle').id
  const deanResponse = one(await db.select().from(responses).where(and(eq(responses.cycleId, openCycle), eq(responses.schoolId, deanSchool))), 'dean response')
  const pastResponse = one(await db.select().from(reportReleases).where(and(eq(reportReleases.cycleId, pastCycle), eq(reportReleases.schoolId, deanSchool))), 'released report').responseId
  const participation = one(await db.select().from(cycleParticipations).where(and(eq(cycleParticipations.cycleId, openCycle), ne(cycleParticipations.schoolId, deanSchool))), 'participation').id
  // Schools of last year's round other than the dean's, and without a badge order there (the demo may have some).
  const ordered = new Set((await db.select({ schoolId: badgeOrders.schoolId }).from(badgeOrders).where(eq(badgeOrders.cycleId, pastCycle))).map((o) => o.schoolId))
  const otherSchools = (await db.select().from(cycleParticipations).where(and(eq(cycleParticipations.cycleId, pastCycle), ne(cycleParticipations.schoolId, deanSchool))))
    .map((p) => p.schoolId)
    .filter((id) => !ordered.has(id))
  const account = await seedUser(db, { name: 'Account To Change' })
  const throwaway = await seedUser(db)

  const headers: Record<Persona, Record<string, string>> = {
    anonymous: { Origin: TEST_ORIGIN },
    admin: await signedIn(db, admin!),
    leader: await signedIn(db, dean!),
    throwaway: await signedIn(db, throwaway),
    stripe: {},
  }

  if ((await db.select().from(badgeOffers).where(eq(badgeOffers.cycleId, pastCycle))).length === 0) await seedBadgeOffer(db, pastCycle)
  const openOrder = await seedBadgeOrder(db, { cycleId: pastCycle, schoolId: otherSchools[0]!, status: 'awaiting_payment' })
  const issuedOrder = await seedBadgeOrder(db, { cycleId: pastCycle, schoolId: otherSchools[1]!, status: 'issued' })
  const [issuedBadge] = await db.insert(badges).values({
    publicId: 'fuzz-badge', orderId: issuedOrder.id, cycleId: pastCycle, schoolId: otherSchools[1]!, schoolName: 'A School', discipline: 'md',
    validFrom: new Date(), validUntil: new Date(Date.now() + 365 * 86_400_000), statusIndex: 7, credential: {}, svg: '<svg/>', png: Buffer.from([]),
  }).returning({ id: badges.id })

  const invited = await app.request(`/school/responses/${deanResponse.id}/team/invite`, formPost({ email: 'new.colleague@example.test', name: 'New Colleague', role: 'contributor' }, headers.leader))
  const nominated = await app.request('/champions/nominate', formPost({
    nomineeName: 'Dr Nominee', nomineeRole: 'Professor', nomineeInstitution: 'A College', achievements: 'Years of community clinics.',
    nominatorName: 'A Colleague', nominatorEmail: 'colleague@example.test', consent: 'on',
  }))
  if (invited.status !== 303 || nominated.status !== 303) fail(`fuzz world: setup posts answered ${invited.status} and ${nominated.status}`)
  const areaLink = /\/areas\/([^"/?]+)"/.exec(await (await app.request(`/school/responses/${deanResponse.id}`, { headers: headers.leader })).text())

  const ids: Record<WorldRef, string> = {
    openCycle, pastCycle, participation, deanParticipation: deanResponse.participationId, deanResponse: deanResponse.id, pastResponse,
    area: areaLink?.[1] ?? fail('fuzz world: no area link'), school: otherSchools[2]!, deanSchool, colleague,
    teamInvitation: one(await db.select().from(teamInvitations), 'team invitation').id,
    account: account.id,
    mail: one(await db.select().from(mailMessages), 'mail message').id,
    inboxItem: one(await db.select().from(inboxItems).where(eq(inboxItems.kind, 'champion-nomination')), 'nomination').id,
    resource: one(await db.select().from(resources), 'resource').id,
    openOrder: openOrder.id,
    issuedBadge: issuedBadge!.id,
    passkey: 'fuzz-passkey',
  }
  // A passkey of the admin's own, for the remove form (the key material is never checked by removing).
  await db.insert(passkeys).values({ id: ids.passkey, userId: admin!.id, publicKey: 'not-a-key', counter: 0, transports: [], nickname: 'Fuzz key' })
  const signer = new Stripe(STRIPE_KEYS.secretKey)
  return {
    ...t,
    ids,
    headersOf: (persona) => headers[persona],
    stripeSignature: (payload) => signer.webhooks.generateTestHeaderString({ payload, secret: STRIPE_KEYS.webhookSecret }),
  }
}

function fail(message: string): never {
  throw new Error(message)
}

/** A real school id the fuzzer may put in a field, so some inputs name existing rows. */
export const worldIdValues = (world: Pick<FuzzWorld, 'ids'>) => Object.values(world.ids)
