import type { Db } from '../../db/client'
import { findCycle } from '../../db/queries/cycles'
import { exportRowsPage, quasiIdentifierCounts } from '../../db/queries/research'
import { answersOfResponses } from '../../db/queries/scoring'
import type { Instrument } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { censusRegionOf } from '../../domain/research/census-regions'
import { planDeidentification, type DeidentificationPlan, type ReleasedQuasiIdentifiers } from '../../domain/research/deidentify'
import { exportAvailability } from '../../domain/research/export-availability'
import { researchLayout, researchRow, type ResearchLayout } from '../../domain/research/research-layout'
import { recordAudit } from '../audit'
import { AppError, assertCan, notFound } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'
import type { LabelledDataset } from './formats/dataset'
import { cycleSlug, type ExportFormat } from './export-formats'
import { ensureStudyIds } from './study-ids'

// A cycle's research export, ready to be written in any format (decision 134): the layout of variables, the
// de-identification plan (from counts, before any row is read), and rows streamed from the database a page at a
// time, so a large cycle is never held in memory. Every format of one download reads the rows afresh.

export type ExportKind = 'deidentified' | 'identified'

export type PreparedExport = {
  kind: ExportKind
  cycle: { id: string; title: string; pilot: boolean; instrumentVersion: string }
  instrument: Instrument
  layout: ResearchLayout
  plan: DeidentificationPlan
  dataset: LabelledDataset
}

/** Responses per database page: with their answers (a row each, ~100 per response) a few megabytes at most. */
const PAGE_SIZE = 500

/**
 * Checks who asks and whether the cycle may be exported (else a 409 saying why), makes the study ids on the
 * first export, and plans the de-identification. No row is read until the dataset's rows are iterated.
 */
export async function prepareExport(db: Db, actor: Actor, cycleId: string, kind: ExportKind): Promise<PreparedExport> {
  assertCan(actor, kind === 'identified' ? 'research.export.identified' : 'research.view')
  const cycle = await findCycle(db, cycleId)
  if (!cycle || cycle.kind !== 'live' || cycle.status === 'draft') return notFound('cycle')
  const cells = (await quasiIdentifierCounts(db, cycleId)).map((c) => ({
    qi: { discipline: c.discipline, control: c.control, carnegie: c.carnegie, region: censusRegionOf(c.state) },
    rows: c.rows,
  }))
  const rowCount = cells.reduce((n, c) => n + c.rows, 0)
  const availability = exportAvailability(cycle, rowCount)
  if (!availability.ok) throw new AppError('export_unavailable', availability.reason, 409)
  await ensureStudyIds(db, cycleId)
  const instrument = await storedInstrument(db, cycle.instrumentVersion)
  const layout = researchLayout(instrument, { identified: kind === 'identified' })
  const plan = planDeidentification(cells)
  const slug = cycleSlug(cycle.title).replace(/-/g, '_')
  return {
    kind,
    cycle: { id: cycle.id, title: cycle.title, pilot: cycle.pilot, instrumentVersion: cycle.instrumentVersion },
    instrument,
    layout,
    plan,
    dataset: {
      name: `smm_${slug}_${kind}`,
      label: `Social Mission Metrics: ${cycle.title} (${kind === 'identified' ? 'identified: names schools' : 'de-identified'})`,
      variables: layout.variables,
      rowCount,
      rows: () => exportRows(db, cycle.id, instrument, layout, plan, kind),
    },
  }
}

type Page = { rows: Awaited<ReturnType<typeof exportRowsPage>>; answers: Awaited<ReturnType<typeof answersOfResponses>> }

async function readPage(db: Db, cycleId: string, after: string | null, identified: boolean): Promise<Page> {
  const rows = await exportRowsPage(db, cycleId, { after, limit: PAGE_SIZE, identified })
  // The page's answers in one query, a row each (aggregating them into one JSON per response in the page query
  // took three times as long at 2,000 responses: bench "exports").
  return { rows, answers: await answersOfResponses(db, rows.map((r) => r.responseId)) }
}

const lastStudyId = (page: Page): string => page.rows[page.rows.length - 1]!.studyId

async function* exportRows(db: Db, cycleId: string, instrument: Instrument, layout: ResearchLayout, plan: DeidentificationPlan, kind: ExportKind) {
  const identified = kind === 'identified'
  let next: Promise<Page> | null = readPage(db, cycleId, null, identified)
  while (next) {
    const page: Page = await next
    const { rows, answers } = page
    // While this page is encoded and written, the database reads the next: two pages in memory at most. A reader
    // that stops early leaves that read unawaited, so its failure is marked handled here rather than crashing.
    next = rows.length < PAGE_SIZE ? null : readPage(db, cycleId, lastStudyId(page), identified)
    next?.catch(() => undefined)
    for (const r of rows) {
      const recorded = { discipline: r.discipline, control: r.control, carnegie: r.carnegie, region: censusRegionOf(r.state) }
      // The identified export names the school, so coarsening its facts would protect no one: they go as recorded.
      const released: ReleasedQuasiIdentifiers = identified ? recorded : plan.release(recorded)
      yield researchRow(instrument, layout, {
        studyId: r.studyId,
        discipline: r.discipline,
        released,
        instrumentVersion: r.instrumentVersion,
        answers: answers.get(r.responseId) ?? new Map(),
        areas: r.areas,
        domains: r.domains,
        overall: r.overall,
        ...(identified ? { identity: { schoolName: r.schoolName ?? '', ipedsUnitId: r.ipedsUnitId ?? null, state: r.state } } : {}),
      })
    }
  }
}

/** Records a download: who, which cycle, which format, how many rows (decision 135). */
export async function auditExport(db: Db, actor: Actor, prepared: PreparedExport, format: ExportFormat, ip: string | null) {
  const action = prepared.kind === 'identified' ? 'research.identified-exported' : 'research.exported'
  await recordAudit(db, actor, action, { subject: prepared.cycle.id, details: { format, rows: prepared.dataset.rowCount } }, { ip })
}
