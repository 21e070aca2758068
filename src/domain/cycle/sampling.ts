import type { Discipline } from '../school/school-facts'

// The 2019 round invited a random sample of nursing schools. A sample must be reproducible from its recorded
// seed, so anyone can check who was drawn: a seeded PRNG (mulberry32) and a Fisher–Yates shuffle of the
// eligible schools in a fixed order (by id), never Math.random.

/** mulberry32: small, fast and well distributed enough for drawing a sample; the same seed gives the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A seed a person can read out and type again: a positive 31-bit integer. */
export const newSampleSeed = (random: () => number) => 1 + Math.floor(random() * 2_147_483_646)

export type EligibleSchool = { id: string; discipline: Discipline; status: 'active' | 'inactive' }

/** Active schools of the cycle's disciplines. */
export function eligibleSchools<S extends EligibleSchool>(schools: readonly S[], disciplines: readonly Discipline[]): S[] {
  return schools.filter((s) => s.status === 'active' && disciplines.includes(s.discipline))
}

/** Draws `count` ids from `ids`, the same ones for the same seed whatever order the ids arrived in. */
export function sampleIds(ids: readonly string[], count: number, seed: number): string[] {
  const pool = [...ids].sort()
  const random = seededRandom(seed)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, Math.min(count, pool.length)).sort()
}

/** `perDiscipline` null invites every eligible school; a number draws that many per discipline. */
export function chooseInvited<S extends EligibleSchool>(
  eligible: readonly S[],
  disciplines: readonly Discipline[],
  perDiscipline: number | null,
  seed: number,
): S[] {
  if (perDiscipline === null) return [...eligible]
  const byId = new Map(eligible.map((s) => [s.id, s]))
  return disciplines.flatMap((d, k) =>
    // Each discipline gets its own stream (seed + k) so adding a discipline does not change another's sample.
    sampleIds(eligible.filter((s) => s.discipline === d).map((s) => s.id), perDiscipline, seed + k).map((id) => byId.get(id)!),
  )
}

/** The disciplines whose eligible pool is smaller than the sample asked for. */
export function samplesTooLarge(
  eligible: readonly EligibleSchool[],
  disciplines: readonly Discipline[],
  perDiscipline: number,
): { discipline: Discipline; available: number }[] {
  return disciplines
    .map((d) => ({ discipline: d, available: eligible.filter((s) => s.discipline === d).length }))
    .filter((p) => p.available < perDiscipline)
}
