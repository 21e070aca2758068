import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../client'
import { championNominations } from '../schema/champions'
import { inboxItems } from '../schema/inbox'

export type NominationInsert = typeof championNominations.$inferInsert
export type FeaturedText = { featuredName: string; featuredRole: string; featuredInstitution: string; featuredBlurb: string }

export async function insertNomination(db: Db, values: NominationInsert) {
  await db.insert(championNominations).values(values)
}

export async function findNomination(db: Db, inboxItemId: string) {
  const [row] = await db
    .select({
      nomineeName: championNominations.nomineeName,
      nomineeRole: championNominations.nomineeRole,
      nomineeInstitution: championNominations.nomineeInstitution,
      consentToFeature: championNominations.consentToFeature,
      featuredName: championNominations.featuredName,
      featuredRole: championNominations.featuredRole,
      featuredInstitution: championNominations.featuredInstitution,
      featuredBlurb: championNominations.featuredBlurb,
      featuredAt: championNominations.featuredAt,
    })
    .from(championNominations)
    .where(eq(championNominations.inboxItemId, inboxItemId))
  return row
}

export async function setFeaturedText(db: Db, inboxItemId: string, text: FeaturedText, featuredAt: Date | null) {
  await db.update(championNominations).set({ ...text, featuredAt }).where(eq(championNominations.inboxItemId, inboxItemId))
}

export async function clearFeaturedAt(db: Db, inboxItemId: string) {
  await db.update(championNominations).set({ featuredAt: null }).where(eq(championNominations.inboxItemId, inboxItemId))
}

/** Only what the admin chose to publish, and only while the nomination is featured. */
export function featuredChampions(db: Db) {
  return db
    .select({
      id: championNominations.inboxItemId,
      name: championNominations.featuredName,
      role: championNominations.featuredRole,
      institution: championNominations.featuredInstitution,
      blurb: championNominations.featuredBlurb,
      featuredAt: championNominations.featuredAt,
    })
    .from(championNominations)
    .innerJoin(inboxItems, eq(inboxItems.id, championNominations.inboxItemId))
    .where(and(eq(inboxItems.status, 'featured'), isNotNull(championNominations.featuredAt)))
    .orderBy(desc(championNominations.featuredAt))
}
