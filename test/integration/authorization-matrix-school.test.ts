import { expect, test } from 'vitest'
import { seedMatrixFixture } from '../support/matrix-seed'
import { SCHOOL_ROUTES } from '../security/access-school'
import { accessMismatches, MATRIX_TIMEOUT_MS } from '../security/run-matrix'

// The authorization matrix's school rows (see authorization-matrix.test.ts): workspace, team, report, badge order.

const f = await seedMatrixFixture()

test('every school route answers each person as its row says: 403 inside the school without the role, 404 outside', async () => {
  expect(await accessMismatches(f, SCHOOL_ROUTES)).toEqual([])
}, MATRIX_TIMEOUT_MS)
