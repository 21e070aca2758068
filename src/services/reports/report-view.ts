import type { Db } from '../../db/client'
import { actionPlansOf, answersOfResponses, findRelease, findResponseScore, latestScoreRevision, reportSubject, schoolScoreHistory } from '../../db/queries/scoring'
import { OVERALL, type NormsMember, type Placement } from '../../domain/benchmark/comparison-groups'
import { areasInCurrentVersion, strongestAndWeakest } from '../../domain/benchmark/report-trend'
import type { Answer } from '../../domain/instrument/instrument-answers'
import { itemsOf, type Instrument, type Item } from '../../domain/instrument/instrument-model'
import { can } from '../../domain/policy/policy'
import type { Actor } from '../../domain/policy/roles'
import { indicatorOutcomes } from '../../domain/scoring/indicator-outcomes'
import { recordAudit } from '../audit'
import { notFound, signInRequired } from '../errors'
import { resourcesForAreas } from '../resources/resources'
import { storedInstrument } from '../instruments/instrument-content'
import { frozenSnapshot } from './norms-snapshot-cache'
import { placeInFrozenSnapshot } from './snapshot-placements'

export type AreaResult = {
  id: string
  title: string
  domainTitle: string
  score: number | null
  vsSimilar: Placement
  vsAll: Placement
  /** The target the school set for this area after its previous cycle, if any. */
  previousTarget: number | null
  plan: { target: number | null; actions: string } | null
  /** The answers that drove the score: the questions that earned full points, those that earned none, and how many earned part. */
  drivers: { full: Driver[]; none: Driver[]; partly: number }
}
/** One scored question of an area with the answer the school gave (rendered in words by the view). */
export type Driver = { item: Item; answer: Answer | null; earned: number; max: number }
export type TrendPoint = {
  cycleTitle: string; instrumentVersion: string; versionDiffers: boolean; overall: number | null; areas: Record<string, number | null> | null; current: boolean
  /** The year of a past round imported from its records (decision 095), which the report marks; null otherwise. */
  importedYear: number | null
}

export type ReportView = {
  responseId: string
  school: { id: string; name: string; discipline: string }
  cycle: { id: string; title: string }
  instrument: { id: string; title: string }
  /** `pilot`: the norms are the pilot's own responses only (decision 091). */
  snapshot: { takenAt: Date; recomputed: boolean; late: boolean; pilot: boolean }
  /** Set when a re-score of the cycle changed this school's scores after they were first reported. */
  revision: { revisedAt: Date; reason: string; previousOverall: number | null } | null
  released: boolean
  overall: { score: number | null; vsAll: Placement; vsDiscipline: Placement }
  domains: { id: string; title: string; score: number | null; vsAll: Placement }[]
  areas: AreaResult[]
  strongest: AreaResult[]
  weakest: AreaResult[]
  resources: Map<string, Awaited<ReturnType<typeof resourcesForAreas>> extends Map<string, infer R> ? R : never>
  trend: TrendPoint[]
  canPlan: boolean
}

type Outcome = { ok: true; view: ReportView } | { ok: false }

/**
 * Opens a school's confidential report. Only its leaders (once released) and the program team may; anyone else
 * gets the same 404 as for a report that does not exist, so its existence is not revealed. Every view and every
 * refusal is audited (the refusal in its own transaction, so the 404 does not roll it back).
 */
export async function openReport(db: Db, actor: Actor, responseId: string, ip: string | null = null, format: 'web' | 'pdf' = 'web'): Promise<ReportView> {
  if (actor.kind !== 'user') signInRequired()
  const outcome: Outcome = await db.transaction(async (tx) => {
    const subject = await reportSubject(tx, responseId)
    const allowed = subject !== undefined && can(actor, 'school.results.view', { schoolId: subject.school.id })
    const admin = actor.kind === 'user' && actor.programRole === 'admin'
    const score = subject && allowed ? await findResponseScore(tx, responseId) : undefined
    const released = score ? (await findRelease(tx, responseId)) !== undefined : false
    if (!subject || !allowed || !score?.snapshotId || !(released || admin)) {
      await recordAudit(tx, actor, 'report.denied', { schoolId: subject?.school.id ?? null, subject: responseId, details: { format } }, { ip })
      return { ok: false }
    }
    const view = await buildView(tx, subject, score, released, can(actor, 'school.results.view', { schoolId: subject.school.id }) && !admin)
    await recordAudit(tx, actor, 'report.viewed', { schoolId: subject.school.id, subject: responseId, details: { format } }, { ip })
    return { ok: true, view }
  })
  return outcome.ok ? outcome.view : notFound('report')
}

/**
 * A scored report as the program team sees it, for "prepare every report as PDF" (decision 170): no policy check
 * or audit row per report, because the job runs for an admin who was checked, and audited, when they started it.
 * Undefined when the response has no scores against a frozen snapshot (yet).
 */
export async function reportViewForProgramTeam(db: Db, responseId: string): Promise<ReportView | undefined> {
  return db.transaction(async (tx) => {
    const subject = await reportSubject(tx, responseId)
    const score = subject ? await findResponseScore(tx, responseId) : undefined
    if (!subject || !score?.snapshotId) return undefined
    return buildView(tx, subject, score, (await findRelease(tx, responseId)) !== undefined, false)
  })
}

type Subject = NonNullable<Awaited<ReturnType<typeof reportSubject>>>
type Score = NonNullable<Awaited<ReturnType<typeof findResponseScore>>>

async function buildView(tx: Db, subject: Subject, score: Score, released: boolean, canPlan: boolean): Promise<ReportView> {
  const snapshot = (await frozenSnapshot(tx, score.snapshotId!)) ?? notFound('norms snapshot')
  const instrument = await storedInstrument(tx, score.instrumentVersion)
  const me: NormsMember = {
    responseId: subject.responseId,
    facts: { discipline: subject.school.discipline, control: subject.school.control, carnegieGroup: subject.school.carnegieGroup },
    scores: { ...score.areas, ...score.domains, [OVERALL]: score.overall },
  }
  const place = (metric: string, group: 'all' | 'discipline' | 'similar') => placeInFrozenSnapshot(me, snapshot.members, metric, group)

  const history = await schoolScoreHistory(tx, subject.school.id)
  const earlier = history.filter((h) => h.opensAt < subject.cycle.opensAt)
  const previous = earlier.at(-1)
  const previousPlans = previous ? await actionPlansOf(tx, subject.school.id, previous.cycleId) : []
  const plans = await actionPlansOf(tx, subject.school.id, subject.cycle.id)
  const drivers = await driversOf(tx, instrument, subject)

  const areas: AreaResult[] = instrument.domains.flatMap((domain) =>
    domain.areas.map((area) => {
      const plan = plans.find((p) => p.areaId === area.id)
      return {
        id: area.id,
        title: area.title,
        domainTitle: domain.title,
        score: score.areas[area.id] ?? null,
        vsSimilar: place(area.id, 'similar'),
        vsAll: place(area.id, 'all'),
        previousTarget: previousPlans.find((p) => p.areaId === area.id)?.target ?? null,
        plan: plan ? { target: plan.target, actions: plan.actions } : null,
        drivers: drivers.get(area.id) ?? { full: [], none: [], partly: 0 },
      }
    }),
  )
  const { strongest, weakest } = strongestAndWeakest(areas)
  const revision = await latestScoreRevision(tx, subject.responseId)
  return {
    responseId: subject.responseId,
    school: { id: subject.school.id, name: subject.school.name, discipline: subject.school.discipline },
    cycle: { id: subject.cycle.id, title: subject.cycle.title },
    instrument: { id: instrument.id, title: instrument.title },
    snapshot: { takenAt: snapshot.createdAt, recomputed: snapshot.reason !== null, late: score.late, pilot: subject.cycle.pilot },
    revision: revision ? { revisedAt: revision.revisedAt, reason: revision.reason, previousOverall: revision.previousOverall } : null,
    released,
    overall: { score: score.overall, vsAll: place(OVERALL, 'all'), vsDiscipline: place(OVERALL, 'discipline') },
    domains: instrument.domains.map((d) => ({ id: d.id, title: d.title, score: score.domains[d.id] ?? null, vsAll: place(d.id, 'all') })),
    areas,
    strongest,
    weakest,
    resources: await resourcesForAreas(tx, weakest.map((a) => a.id)),
    trend: await trendOf(tx, instrument, [...earlier, ...history.filter((h) => h.responseId === subject.responseId)], subject.responseId),
    canPlan,
  }
}

/** Per area, the answers that earned full points and those that earned none, as scoring counted them. */
async function driversOf(tx: Db, instrument: Instrument, subject: Subject): Promise<Map<string, AreaResult['drivers']>> {
  const answers = (await answersOfResponses(tx, [subject.responseId])).get(subject.responseId) ?? new Map<string, Answer | null>()
  const items = new Map(itemsOf(instrument).map(({ item }) => [item.id, item]))
  const drivers = new Map<string, AreaResult['drivers']>()
  for (const [areaId, outcomes] of indicatorOutcomes(instrument, subject.school.discipline, answers)) {
    const listed = outcomes.map((o) => ({ item: items.get(o.itemId)!, answer: answers.get(o.itemId) ?? null, earned: o.earned, max: o.max }))
    drivers.set(areaId, {
      full: listed.filter((d) => d.earned >= d.max),
      none: listed.filter((d) => d.earned === 0),
      partly: listed.filter((d) => d.earned > 0 && d.earned < d.max).length,
    })
  }
  return drivers
}

async function trendOf(tx: Db, current: Instrument, history: Awaited<ReturnType<typeof schoolScoreHistory>>, responseId: string): Promise<TrendPoint[]> {
  const instruments = new Map<string, Instrument>([[current.id, current]])
  const points: TrendPoint[] = []
  for (const h of history) {
    if (!instruments.has(h.instrumentVersion)) instruments.set(h.instrumentVersion, await storedInstrument(tx, h.instrumentVersion))
    const earlier = instruments.get(h.instrumentVersion)!
    points.push({
      cycleTitle: h.cycleTitle,
      instrumentVersion: h.instrumentVersion,
      versionDiffers: h.instrumentVersion !== current.id,
      overall: h.overall,
      areas: areasInCurrentVersion(earlier, current.id, h.areas),
      current: h.responseId === responseId,
      importedYear: h.cycleKind === 'historical' ? h.opensAt.getUTCFullYear() : null,
    })
  }
  return points
}
