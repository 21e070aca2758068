import { perInstrumentAndDiscipline } from './instrument-memo'
import type { Discipline } from '../school/school-facts'
import type { Instrument, Item } from './instrument-model'

/** An item without a discipline list applies to every school; with one, only to those disciplines. */
export const appliesTo = (item: Pick<Item, 'disciplines'>, discipline: Discipline): boolean =>
  item.disciplines === undefined || item.disciplines.includes(discipline)

// One narrowed copy per instrument object and discipline: every autosave and page asks for it, and reusing the same
// object lets the parsed-conditions memo (instrument-form.ts) apply to it too.
/** The instrument as a school of this discipline sees it: inapplicable items gone, and areas left empty gone too. */
export const instrumentForDiscipline = perInstrumentAndDiscipline(narrowedFor)

function narrowedFor(instrument: Instrument, discipline: Discipline): Instrument {
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
