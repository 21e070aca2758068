import { expect, test } from 'vitest'
import { stripeGateway } from '../../src/services/badges/stripe-gateway'
import { FUZZED_ROUTES, UNFUZZED_ROUTES, writeRoutesOf } from '../support/fuzz/fuzz-routes'
import { testApp } from '../support/test-app'

// Stripe configured, so the webhook route exists as it does in production with keys.
const keys = { secretKey: 'sk_test_routes', webhookSecret: 'whsec_routes' }
const { app } = await testApp({ STRIPE_SECRET_KEY: keys.secretKey, STRIPE_WEBHOOK_SECRET: keys.webhookSecret }, { stripe: stripeGateway(keys) })

test('every route that takes a body is fuzzed, or listed with the reason it cannot be', () => {
  const listed = [...Object.keys(FUZZED_ROUTES), ...Object.keys(UNFUZZED_ROUTES)].sort()
  expect(writeRoutesOf(app)).toEqual(listed)
  expect(Object.keys(UNFUZZED_ROUTES).filter((r) => r in FUZZED_ROUTES)).toEqual([])
})
