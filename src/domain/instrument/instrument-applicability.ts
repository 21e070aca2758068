import type { Discipline } from '../school/school-facts'
import type { Instrument, Item } from './instrument-model'

/** An item without a discipline list applies to every school; with one, only to those disciplines. */
export const appliesTo = (item: Pick<Item, 'disciplines'>, discipline: Discipline): boolean =>
  item.disciplines === undefined || item.disciplines.includes(discipline)

/** The instrument as a school of this discipline sees it: inapplicable items gone, and areas left empty gone too. */
export function instrumentForDiscipline(instrument: Instrument, discipline: Discipline): Instrument {
  return {
    ...instrument,
    domains: instrument.domains
      .map((domain) => ({
        ...domain,
        areas: domain.areas
          .map((area) => ({ ...area, items: area.items.filter((item) => appliesTo(item, discipline)) }))
          .filter((area) => area.items.length > 0),
      }))
      .filter((domain) => domain.areas.length > 0),
  }
}
