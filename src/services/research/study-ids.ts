import { randomInt } from 'node:crypto'
import type { Db } from '../../db/client'
import { insertStudyIds, schoolsWithoutStudyId } from '../../db/queries/research'

// Study ids (decision 133): "S" and six characters of Crockford's base32 (no I, L, O or U to misread), drawn with
// the operating system's random source, so an id says nothing about its school. 32^6 ≈ 10^9 ids per round; the
// unique index catches the rare clash and the loop draws again.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function newStudyId(): string {
  let id = 'S'
  for (let i = 0; i < 6; i++) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}

/** Gives every school with a certified response in the cycle a study id, keeping those it already has. */
export async function ensureStudyIds(db: Db, cycleId: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const missing = await schoolsWithoutStudyId(db, cycleId)
    if (missing.length === 0) return
    await insertStudyIds(db, cycleId, missing.map(({ schoolId }) => ({ schoolId, studyId: newStudyId() })))
  }
  throw new Error(`could not give every school of cycle ${cycleId} a study id`)
}
