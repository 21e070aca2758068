// The instrument versions a cycle may use. A cycle keeps the version as a text id; when the instrument
// versions table lands, this list is replaced by a lookup there.
export const INSTRUMENT_VERSION_CHOICES = ['smm-2024', 'smm-2019'] as const
export type InstrumentVersionChoice = (typeof INSTRUMENT_VERSION_CHOICES)[number]
