import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { sessions } from '../../src/db/schema/accounts'
import { schools } from '../../src/db/schema/schools'
import { stripeGateway } from '../../src/services/badges/stripe-gateway'
import { applicationTables, changedTables, fingerprint } from '../support/fuzz/database-fingerprint'
import { FUZZED_ROUTES, UNFUZZED_ROUTES, writeRoutesOf } from '../support/fuzz/fuzz-routes'
import { unreadableBecause } from '../support/fuzz/readable-answer'
import { seedSchool, seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

// Stripe configured, so the webhook route exists as it does in production with keys.
const keys = { secretKey: 'sk_test_routes', webhookSecret: 'whsec_routes' }
const { app, db } = await testApp({ STRIPE_SECRET_KEY: keys.secretKey, STRIPE_WEBHOOK_SECRET: keys.webhookSecret }, { stripe: stripeGateway(keys) })

test('every route that takes a body is fuzzed, or listed with the reason it cannot be', () => {
  const listed = [...Object.keys(FUZZED_ROUTES), ...Object.keys(UNFUZZED_ROUTES)].sort()
  expect(writeRoutesOf(app)).toEqual(listed)
  expect(Object.keys(UNFUZZED_ROUTES).filter((r) => r in FUZZED_ROUTES)).toEqual([])
})

test('the data fingerprint names a table whose row changed, and ignores when a session was last seen', async () => {
  const school = await seedSchool(db)
  await signedIn(db, await seedUser(db))
  const tables = await applicationTables(db)
  const before = await fingerprint(db, tables)
  await db.update(schools).set({ city: 'Shelbyville' }).where(eq(schools.id, school.id))
  expect(changedTables(before, await fingerprint(db, tables))).toEqual(['schools'])

  const seen = await fingerprint(db, tables)
  await db.update(sessions).set({ lastSeenAt: new Date() })
  expect(changedTables(seen, await fingerprint(db, tables))).toEqual([])
})

test('a readable refusal is a page with a heading and, for a 422, what to fix; never internals', () => {
  const page = (main: string) => `<a href="#main">Skip to content</a><main>${main}</main>`
  expect(unreadableBecause(404, 'text/html', page('<h1>Page not found</h1><p>There is no page at this address.</p>'))).toBeNull()
  expect(unreadableBecause(422, 'text/html', page('<h1>Sign in</h1><form></form>'))).toBe('a 422 page does not say what to fix')
  expect(unreadableBecause(400, 'text/html', '<h1>Bad</h1>')).toBe('it is not a page in the site layout')
  expect(unreadableBecause(422, 'application/json', '{"ok":false}')).toBe('the JSON has no message')
  expect(unreadableBecause(400, 'text/plain', 'TypeError: x\n    at f (src/a.ts:1:2)')).toBe('it shows internals')
})
