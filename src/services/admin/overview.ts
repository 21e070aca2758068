import type { Db } from '../../db/client'
import { countUsers } from '../../db/queries/accounts'
import { recentAuditEvents } from '../../db/queries/audit'
import { listCycles } from '../../db/queries/cycles'
import { countMailByStatus } from '../../db/queries/mail'
import { countSchoolsByDiscipline } from '../../db/queries/schools'
import type { Actor } from '../../domain/policy/roles'
import { assertCan } from '../errors'

/** The program team's front page: what is in the directory, which rounds run, and whether mail is flowing. */
export async function adminOverview(db: Db, actor: Actor) {
  assertCan(actor, 'admin.console')
  const [schoolsByDiscipline, cycles, users, mail, recentAudit] = await Promise.all([
    countSchoolsByDiscipline(db),
    listCycles(db),
    countUsers(db),
    countMailByStatus(db),
    recentAuditEvents(db, 10),
  ])
  return { schoolsByDiscipline, cycles, users, mail, recentAudit }
}

export type AdminOverview = Awaited<ReturnType<typeof adminOverview>>
