import { ADMIN_CONSOLE_ROUTES, ADMIN_CYCLE_ROUTES } from './access-admin'
import { PUBLIC_ROUTES, RESEARCH_ROUTES } from './access-public'
import { SCHOOL_ROUTES } from './access-school'
import type { AccessTable } from './outcomes'

/**
 * Who gets what from every route of the app, keyed `METHOD path` exactly as Hono's route table names it. A route
 * without a row, or a row without a route, fails test/integration/authorization-matrix.test.ts.
 */
export const ROUTE_ACCESS: AccessTable = { ...PUBLIC_ROUTES, ...RESEARCH_ROUTES, ...SCHOOL_ROUTES, ...ADMIN_CONSOLE_ROUTES, ...ADMIN_CYCLE_ROUTES }
