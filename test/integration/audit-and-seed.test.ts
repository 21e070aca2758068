import { describe, expect, test } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { auditEvents } from '../../src/db/schema/operations'
import { cycles } from '../../src/db/schema/cycles'
import { schools } from '../../src/db/schema/schools'
import { users } from '../../src/db/schema/accounts'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { recordAudit } from '../../src/services/audit'
import { seedDemoOnce } from '../../src/services/demo/seed-demo'
import { testApp } from '../support/test-app'

const { db, queue } = await testApp()

describe('the audit log', () => {
  test('records who did what, about which school, from where', async () => {
    await recordAudit(db, CLI_OPERATOR, 'test.happened', { subject: 'audit-check', details: { n: 1 } }, { ip: '198.51.100.7' })
    const [row] = await db.select().from(auditEvents).where(eq(auditEvents.subject, 'audit-check'))
    expect(row).toMatchObject({ action: 'test.happened', actorEmail: 'system:cli', ip: '198.51.100.7', details: { n: 1 } })
  })

  test('cannot be changed or deleted, even by the application', async () => {
    await recordAudit(db, CLI_OPERATOR, 'test.permanent', { subject: 'permanent' })
    await expect(db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.subject, 'permanent'))).rejects.toThrow()
    await expect(db.delete(auditEvents).where(eq(auditEvents.subject, 'permanent'))).rejects.toThrow()
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.subject, 'permanent'))
    expect(rows.map((r) => r.action)).toEqual(['test.permanent'])
  })
})

describe('demo data', () => {
  test('seeds about 30 real schools of several disciplines, an admin and one open cycle, exactly once', async () => {
    expect(await seedDemoOnce(db, queue, CLI_OPERATOR)).toBe(true)
    expect(await seedDemoOnce(db, queue, CLI_OPERATOR)).toBe(false)

    const byDiscipline = await db
      .select({ discipline: schools.discipline, n: sql<number>`count(*)::int` })
      .from(schools)
      .where(eq(schools.isDemo, true))
      .groupBy(schools.discipline)
    const total = byDiscipline.reduce((sum, r) => sum + r.n, 0)
    expect(total).toBeGreaterThanOrEqual(25)
    expect(total).toBeLessThanOrEqual(35)
    expect(byDiscipline.length).toBeGreaterThanOrEqual(4)

    const [admin] = await db.select().from(users).where(eq(users.email, 'admin@demo.socialmissionmetrics.test'))
    expect(admin?.programRole).toBe('admin')
    expect(await db.select().from(cycles).where(eq(cycles.status, 'open'))).toHaveLength(1)
  })

  test('invented deans have addresses on a reserved test domain, so no real dean is ever e-mailed', async () => {
    const rows = await db.select({ deanEmail: schools.deanEmail }).from(schools).where(eq(schools.isDemo, true))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.deanEmail).toMatch(/@demo\.socialmissionmetrics\.test$/)
  })
})
