import type { Db } from '../../db/client'
import { codebookEntry } from '../../domain/history/historical-codes'
import { historicalTemplateHeader } from '../../domain/history/historical-csv-plan'
import { itemsOf } from '../../domain/instrument/instrument-model'
import type { Actor } from '../../domain/policy/roles'
import { csvWithBom } from '../csv-files'
import { assertCan } from '../errors'
import { storedInstrument } from '../instruments/instrument-content'

export type TemplateKind = 'answers' | 'area-scores'

/** An empty file in the right columns for one version: every item id (answers) or every area id (area scores). */
export async function historicalTemplateCsv(db: Db, actor: Actor, version: string, kind: TemplateKind) {
  assertCan(actor, 'cycles.manage')
  const instrument = await storedInstrument(db, version)
  return csvWithBom(historicalTemplateHeader(instrument, kind), [])
}

/** What each column of a version's files may hold, for the codebook page. */
export async function historicalCodebook(db: Db, actor: Actor, version: string) {
  assertCan(actor, 'cycles.manage')
  const instrument = await storedInstrument(db, version)
  return {
    instrument: { id: instrument.id, title: instrument.title },
    areas: instrument.domains.flatMap((d) => d.areas.map((a) => ({ id: a.id, title: a.title, domainTitle: d.title }))),
    items: itemsOf(instrument).map(({ item, area }) => ({
      id: item.id, text: item.text, areaTitle: area.title, disciplines: item.disciplines ?? null, ...codebookEntry(item),
    })),
  }
}
