import { expect, test } from 'vitest'
import { seedMatrixFixture } from '../support/matrix-seed'
import { ADMIN_CYCLE_ROUTES } from '../security/access-admin'
import { accessMismatches, MATRIX_TIMEOUT_MS } from '../security/run-matrix'

// The authorization matrix's program-team rows, part two (see authorization-matrix.test.ts).

const f = await seedMatrixFixture()

test('cycles, their schools, reports, responses and badges answer only admins', async () => {
  expect(await accessMismatches(f, ADMIN_CYCLE_ROUTES)).toEqual([])
}, MATRIX_TIMEOUT_MS)
