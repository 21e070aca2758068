import { describe, test } from 'vitest'
import { checkFixedCase, fuzzArea } from '../support/fuzz/fuzz-route'
import { fuzzWorld } from '../support/fuzz/fuzz-world'

// Issue #20: the public forms, sign-in and the Stripe webhook, fuzzed (docs/security.md).
const world = await fuzzWorld()

describe('fuzzing the public forms and the webhook: never a 5xx, a readable 4xx, data unchanged when refused', () => {
  fuzzArea('public', () => world)
})

describe('what the fuzzer found, kept', () => {
  test('a multipart body cut off before its closing boundary is a 400 page, not a 500', async () => {
    for (const route of ['POST /invitation/accept', 'POST /invitation/decline', 'POST /contact'])
      await checkFixedCase(world, { route, request: { path: route.slice(5), encoding: 'broken-multipart', raw: '{"a":' }, status: 400 })
  })

  test('a correctly signed webhook whose body is not an event ({}) is a 400 and records nothing', async () => {
    await checkFixedCase(world, { route: 'POST /webhooks/stripe', request: { path: '/webhooks/stripe', encoding: 'json', json: {}, signed: true }, status: 400 })
  })

  test('a sign-in link posted without a token answers like any unknown link (404 page), not a bare 422', async () => {
    await checkFixedCase(world, { route: 'POST /sign-in/link', request: { path: '/sign-in/link', encoding: 'urlencoded' }, status: 404 })
  })
})
