import type { Db } from '../../db/client'
import { featuredChampions } from '../../db/queries/champions'

/** The Champions an admin has featured, with only the text the admin chose to publish. */
export async function publicChampions(db: Db) {
  const rows = await featuredChampions(db)
  return rows.map((r) => ({ id: r.id, name: r.name ?? '', role: r.role ?? '', institution: r.institution ?? '', blurb: r.blurb ?? '' }))
}

export type PublicChampion = Awaited<ReturnType<typeof publicChampions>>[number]
