import { expect, test } from 'vitest'
import { seedMatrixFixture } from '../support/matrix-seed'
import { PUBLIC_ROUTES, RESEARCH_ROUTES } from '../security/access-public'
import { ROUTE_ACCESS } from '../security/route-access'
import { accessMismatches, MATRIX_TIMEOUT_MS, tableGaps } from '../security/run-matrix'

// Issue #20's authorization matrix, generated from the app's own route table: every route × seven people
// (docs/security.md). This file checks the table is complete and the public site and research area; the
// school and admin rows run in their own files, so vitest runs the three side by side.

const f = await seedMatrixFixture()

test('every route of the app has a row in the access table, and every row a route', () => {
  expect(tableGaps(f.t.app, ROUTE_ACCESS)).toEqual([])
})

test('the public site, sign-in, e-mailed links, badge files and the research area answer each person as their rows say', async () => {
  expect(await accessMismatches(f, { ...PUBLIC_ROUTES, ...RESEARCH_ROUTES })).toEqual([])
}, MATRIX_TIMEOUT_MS)
