import type { Db } from '../../db/client'
import { insertCycle } from '../../db/queries/cycles'
import { insertDemoParticipations } from '../../db/queries/demo-participations'
import { claimMeta } from '../../db/queries/meta'
import { insertMembership, insertSchools } from '../../db/queries/schools'
import { insertUser } from '../../db/queries/accounts'
import { DISCIPLINES } from '../../domain/school/school-facts'
import type { Actor } from '../../domain/policy/roles'
import { grantProgramRole } from '../accounts'
import { recordAudit } from '../audit'
import { DEMO_ACCOUNTS, demoSchools } from './demo-schools'
import { seedDemoPastCycle } from './seed-demo-past-cycle'

const DAY = 24 * 3_600_000

/**
 * Seeds the demo once per database: a program admin and analyst, ~30 real schools with invented deans, one
 * school leader, one open cycle every demo school is invited to (the leader's school has accepted) and a closed
 * past round. Later starts find the marker and do nothing.
 */
export async function seedDemoOnce(db: Db, operator: Actor, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claimMeta(tx, 'demo_seeded_at', now.toISOString()))) return false
    const schools = await insertSchools(tx, demoSchools())
    const firstMd = schools.find((s) => s.discipline === 'md')
    const leader = await insertUser(tx, { email: 'dean@demo.socialmissionmetrics.test', name: 'Demo Dean' })
    if (firstMd && leader) await insertMembership(tx, { schoolId: firstMd.id, userId: leader.id, role: 'leader' })
    const openCycle = await insertCycle(tx, {
      title: `${now.getUTCFullYear()} national round (demo)`,
      instrumentVersion: 'smm-2024',
      disciplines: [...DISCIPLINES],
      status: 'open',
      opensAt: new Date(now.getTime() - 14 * DAY),
      deadlineAt: new Date(now.getTime() + 60 * DAY),
    })
    // Every demo school is invited to the open round; the demo dean's school has accepted and can start answering.
    await insertDemoParticipations(
      tx,
      schools.map((school) => ({
        cycleId: openCycle.id,
        schoolId: school.id,
        status: school.id === firstMd?.id ? ('accepted' as const) : ('invited' as const),
        source: 'all-eligible' as const,
        invitedAt: new Date(now.getTime() - 14 * DAY),
        respondedAt: school.id === firstMd?.id ? new Date(now.getTime() - 10 * DAY) : null,
      })),
    )
    await seedDemoPastCycle(tx, schools, now)
    await grantProgramRole(tx, operator, DEMO_ACCOUNTS.admin.email, 'admin', DEMO_ACCOUNTS.admin.name)
    await grantProgramRole(tx, operator, DEMO_ACCOUNTS.analyst.email, 'analyst', DEMO_ACCOUNTS.analyst.name)
    await recordAudit(tx, operator, 'demo.seeded', { details: { schools: schools.length } })
    return true
  })
}
