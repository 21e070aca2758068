import { describe } from 'vitest'
import { fuzzArea } from '../support/fuzz/fuzz-route'
import { fuzzWorld } from '../support/fuzz/fuzz-world'

// Issue #20: the admin-cycles routes, fuzzed (docs/security.md).
const world = await fuzzWorld()

describe('fuzzing the admin-cycles routes: never a 5xx, a readable 4xx, data unchanged when refused', () => {
  fuzzArea('admin-cycles', () => world)
})
