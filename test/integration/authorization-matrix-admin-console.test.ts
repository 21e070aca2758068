import { expect, test } from 'vitest'
import { seedMatrixFixture } from '../support/matrix-seed'
import { ADMIN_CONSOLE_ROUTES } from '../security/access-admin'
import { accessMismatches, MATRIX_TIMEOUT_MS } from '../security/run-matrix'

// The authorization matrix's program-team rows, part one (see authorization-matrix.test.ts).

const f = await seedMatrixFixture()

test('accounts, mail, instruments, inbox, resources, directory and past rounds answer only admins', async () => {
  expect(await accessMismatches(f, ADMIN_CONSOLE_ROUTES)).toEqual([])
}, MATRIX_TIMEOUT_MS)
