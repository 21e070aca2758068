import type { Instrument } from '../../domain/instrument/instrument-model'

/** Every metric a response is scored on: each area, each domain and "overall". */
export const metricsOf = (instrument: Instrument): string[] => [
  ...instrument.domains.flatMap((d) => d.areas.map((a) => a.id)),
  ...instrument.domains.map((d) => d.id),
  'overall',
]
