import { describe } from 'vitest'
import { fuzzArea } from '../support/fuzz/fuzz-route'
import { fuzzWorld } from '../support/fuzz/fuzz-world'

// Issue #20: the public forms, sign-in and the Stripe webhook, fuzzed (see docs/security-fuzzing.md).
const world = await fuzzWorld()

describe('fuzzing the public forms and the webhook: never a 5xx, a readable 4xx, data unchanged when refused', () => {
  fuzzArea('public', () => world)
})
