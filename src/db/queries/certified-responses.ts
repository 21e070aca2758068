import { sql, type SQL } from 'drizzle-orm'
import { cycleParticipations as p, type ParticipationStatus } from '../schema/cycles'
import { responses as r } from '../schema/responses'

// "Completed" means one thing everywhere (decision 123): the school's response was certified. Its leader certified
// and submitted it here ('platform': only a leader submits one), or the dean signed a paper copy that the program
// team entered, named and dated ('paper'). domain/badges/eligibility.ts `isCertified` is the same rule in TypeScript.

/** SQL condition on a responses row (aliased or not): it is certified. */
export const responseIsCertified: SQL = sql`${r.status} = 'submitted' and ${r.certifiedByName} is not null and (${r.source} = 'platform' or (${r.source} = 'paper' and ${r.paperSignedOn} is not null))`

const hasCertifiedResponse = sql`exists (select 1 from ${r} where ${r.participationId} = ${p.id} and ${responseIsCertified})`

/**
 * A participation's status as every count and list shows it: 'submitted' only with a certified response. Before
 * decision 123 an admin could mark a school submitted without one; such a row reads as in progress. Imported past
 * rounds (decision 095) keep their 'submitted': they are the record of a round that ran elsewhere.
 */
export const completionStatus = sql<ParticipationStatus>`(case when ${p.status} = 'submitted' and ${p.source} <> 'imported' and not ${hasCertifiedResponse} then 'in_progress' else ${p.status} end)`
