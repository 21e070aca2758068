import { DISCIPLINES, type Discipline } from '../school/school-facts'

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

/**
 * Per discipline, how many schools to draw. A discipline left out invites every eligible school: "all MD, DO and
 * dental, 400 of the nursing schools" is `{ 'nursing-bsn-msn': 400 }` over four disciplines.
 */
export type SampleSizes = Partial<Record<Discipline, number>>

/** Each discipline draws from its own stream, offset by its fixed place in DISCIPLINES, so no discipline's sample
 * depends on which others the cycle covers. */
const disciplineSeed = (seed: number, d: Discipline) => seed + DISCIPLINES.indexOf(d)

/** The schools to invite: every eligible one of an unsampled discipline, the seeded draw of a sampled one. */
export function chooseInvited<S extends EligibleSchool>(
  eligible: readonly S[],
  disciplines: readonly Discipline[],
  sizes: SampleSizes,
  seed: number,
): S[] {
  const byId = new Map(eligible.map((s) => [s.id, s]))
  return disciplines.flatMap((d) => {
    const pool = eligible.filter((s) => s.discipline === d)
    const n = sizes[d]
    return n === undefined ? pool : sampleIds(pool.map((s) => s.id), n, disciplineSeed(seed, d)).map((id) => byId.get(id)!)
  })
}

/** What opening will do for one discipline: how many are eligible and how many will be invited. */
export type DisciplinePlan = { discipline: Discipline; eligible: number; toInvite: number; sampleSize: number | null }

/** The counts the preview shows before anything is sent, in the cycle's discipline order. */
export function invitationPlan(eligible: readonly EligibleSchool[], disciplines: readonly Discipline[], sizes: SampleSizes): DisciplinePlan[] {
  return disciplines.map((d) => {
    const pool = eligible.filter((s) => s.discipline === d).length
    const n = sizes[d] ?? null
    return { discipline: d, eligible: pool, toInvite: n === null ? pool : Math.min(n, pool), sampleSize: n }
  })
}

/** The sampled disciplines whose eligible pool is smaller than the sample asked for. */
export function samplesTooLarge(
  eligible: readonly EligibleSchool[],
  disciplines: readonly Discipline[],
  sizes: SampleSizes,
): { discipline: Discipline; available: number; asked: number }[] {
  return invitationPlan(eligible, disciplines, sizes)
    .filter((p) => p.sampleSize !== null && p.eligible < p.sampleSize)
    .map((p) => ({ discipline: p.discipline, available: p.eligible, asked: p.sampleSize! }))
}

/** True when at least one discipline is sampled, so the cycle needs a recorded seed. */
export const isSampled = (sizes: SampleSizes) => Object.values(sizes).some((n) => n !== undefined)
