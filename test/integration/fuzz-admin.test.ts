import { describe, test } from 'vitest'
import { checkFixedCase, fuzzArea } from '../support/fuzz/fuzz-route'
import { fuzzWorld } from '../support/fuzz/fuzz-world'

// Issue #20: the program team's pages other than cycles, and the identified research export (docs/security.md).
const world = await fuzzWorld()

describe('fuzzing the admin routes: never a 5xx, a readable 4xx, data unchanged when refused', () => {
  fuzzArea('admin', () => world)
})

describe('what the fuzzer found, kept', () => {
  test('reopening a response that is not submitted says so (409), instead of a reason error its page cannot show', async () => {
    const path = `/admin/responses/${world.ids.deanResponse}/reopen`
    await checkFixedCase(world, { route: 'POST /admin/responses/:id/reopen', request: { path, encoding: 'urlencoded' }, status: 409 })
  })
})
