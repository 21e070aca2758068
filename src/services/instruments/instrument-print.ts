import type { Db } from '../../db/client'
import type { Actor } from '../../domain/policy/roles'
import type { Discipline } from '../../domain/school/school-facts'
import { openVersion } from './instrument-catalog'
import { renderInstrumentPdf } from './instrument-pdf'

/** The printable questionnaire of one version for one discipline; program staff and school teams may print it. */
export async function printInstrument(db: Db, actor: Actor, instrumentId: string, discipline: Discipline) {
  const version = await openVersion(db, actor, instrumentId, 'instrument.print')
  return { filename: `${version.id}-${discipline}.pdf`, pdf: await renderInstrumentPdf(version.instrument, discipline) }
}
