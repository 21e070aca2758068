import type { Db } from '../../db/client'
import { insertCycle } from '../../db/queries/cycles'
import { setDemoCycleOpenedAt } from '../../db/queries/demo-participations'
import { insertResource } from '../../db/queries/resources'
import { claimMeta } from '../../db/queries/meta'
import { insertSchools } from '../../db/queries/schools'
import { insertUser } from '../../db/queries/accounts'
import { DISCIPLINES } from '../../domain/school/school-facts'
import type { Actor } from '../../domain/policy/roles'
import { grantProgramRole } from '../accounts'
import { recordAudit } from '../audit'
import { DEMO_ACCOUNTS, demoSchools } from './demo-schools'
import { seedDemoPastCycle } from './seed-demo-past-cycle'
import { seedDemoOpenRound } from './seed-demo-open-round'
import { seedDemoBadges } from './seed-demo-badges'
import type { JobQueue } from '../jobs'
import { DEMO_AREA_RESOURCES, DEMO_TOOLKIT } from './demo-resources'
import { importInstrumentDirectory } from '../instruments/instrument-import'
import { storedInstrument } from '../instruments/instrument-content'

const DAY = 24 * 3_600_000

/**
 * Seeds the demo once per database, so every page has something to show on the first start: a program admin and
 * analyst, ~30 real schools with invented deans, an open round with schools at every stage (the demo dean's school
 * in progress with a team), last year's round scored and released with badges for several of its schools, recommended resources and a toolkit. Later
 * starts find the marker and do nothing.
 */
export async function seedDemoOnce(db: Db, jobs: JobQueue, operator: Actor, now = new Date(), baseUrl = 'http://127.0.0.1:3000'): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claimMeta(tx, 'demo_seeded_at', now.toISOString()))) return false
    // The rounds need the questionnaire; importing is idempotent, and the start imports again (unchanged).
    await importInstrumentDirectory(tx, operator)
    const instrument = await storedInstrument(tx, 'smm-2024')
    const inserts = demoSchools()
    const schools = await insertSchools(tx, inserts)
    const leader = (await insertUser(tx, { email: 'dean@demo.socialmissionmetrics.test', name: 'Demo Dean' }))!
    const openCycle = await insertCycle(tx, {
      title: `${now.getUTCFullYear()} national round (demo)`,
      instrumentVersion: 'smm-2024',
      disciplines: [...DISCIPLINES],
      status: 'open',
      opensAt: new Date(now.getTime() - 14 * DAY),
      deadlineAt: new Date(now.getTime() + 60 * DAY),
    })
    await setDemoCycleOpenedAt(tx, openCycle.id, new Date(now.getTime() - 14 * DAY))
    const pastCycle = await seedDemoPastCycle(tx, schools, instrument, now)
    await seedDemoBadges(tx, jobs, pastCycle, now)
    await seedDemoOpenRound(tx, { id: openCycle.id, title: `${now.getUTCFullYear()} national round (demo)`, deadlineAt: new Date(now.getTime() + 60 * DAY) }, schools, inserts, leader, instrument, baseUrl, now)
    for (const resource of [...DEMO_TOOLKIT, ...DEMO_AREA_RESOURCES]) await insertResource(tx, resource)
    await grantProgramRole(tx, operator, DEMO_ACCOUNTS.admin.email, 'admin', DEMO_ACCOUNTS.admin.name)
    await grantProgramRole(tx, operator, DEMO_ACCOUNTS.analyst.email, 'analyst', DEMO_ACCOUNTS.analyst.name)
    await recordAudit(tx, operator, 'demo.seeded', { details: { schools: schools.length } })
    return true
  })
}
