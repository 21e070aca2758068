import type { Db } from '../../db/client'
import type { Actor } from '../../domain/policy/roles'
import { renderInstrumentPdf } from '../instruments/instrument-pdf'
import { loadResponseAccess } from './response-access'

/**
 * The printable questionnaire of a school's response: its cycle's version for its discipline, the same PDF the
 * program team prints (ids and the office that usually holds each answer beside every question), so a dean can
 * hand sections to the offices that know them.
 */
export async function printResponseQuestionnaire(db: Db, actor: Actor, responseId: string) {
  const access = await loadResponseAccess(db, actor, responseId)
  const filename = `questionnaire-${access.cycleTitle}-${access.schoolName}`.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  return { filename: `${filename}.pdf`, pdf: await renderInstrumentPdf(access.instrument, access.discipline) }
}
