import type { Discipline } from '../school/school-facts'
import type { Instrument } from './instrument-model'

/**
 * Memoises what is derived from an instrument for one discipline. Instruments are immutable once validated and
 * cached per process, so a derived value stays true for as long as its instrument object lives.
 */
export function perInstrumentAndDiscipline<T>(build: (instrument: Instrument, discipline: Discipline) => T) {
  const memo = new WeakMap<Instrument, Map<Discipline, T>>()
  return (instrument: Instrument, discipline: Discipline): T => {
    let byDiscipline = memo.get(instrument)
    if (!byDiscipline) memo.set(instrument, (byDiscipline = new Map()))
    let value = byDiscipline.get(discipline)
    if (value === undefined) byDiscipline.set(discipline, (value = build(instrument, discipline)))
    return value
  }
}
