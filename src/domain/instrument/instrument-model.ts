import { z } from 'zod'
import { DISCIPLINES } from '../school/school-facts'

// The shape of an instrument file (instruments/*.yaml) and of the model everything else uses. The schema fills
// in the defaults, so code downstream never has to guess: every item says whether it is scored, required and
// which escape answers ("Don't know", "Not applicable") it offers.

export const OFFICES = [
  'admissions',
  'curriculum',
  'community-affairs',
  'diversity-office',
  'student-affairs',
  'hr',
  'institutional-research',
  'finance',
  'research-office',
  'deans-office',
] as const
export type Office = (typeof OFFICES)[number]

export const OFFICE_LABELS: Record<Office, string> = {
  admissions: 'Admissions office',
  curriculum: 'Curriculum office',
  'community-affairs': 'Community affairs',
  'diversity-office': 'Diversity and inclusion office',
  'student-affairs': 'Student affairs',
  hr: 'Human resources / faculty affairs',
  'institutional-research': 'Institutional research',
  finance: 'Finance office',
  'research-office': 'Research office',
  'deans-office': 'Dean’s office',
}

const Slug = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "k12-partnerships"')
const ItemId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'must be the area id, a dot and a slug, e.g. "pathway-programs.k12-partnerships"')
const Text = z.string().trim().min(1, 'must not be empty')
const Points = z.number().min(0, 'points must be 0 or more').max(100, 'points must be at most 100')

const Option = z.strictObject({ id: Slug, label: Text, points: Points.default(0) })
/** Points by value: the band with the largest `min` not above the value applies; below the first band earns 0. */
const Band = z.strictObject({ min: z.number(), points: Points })
const Bands = z
  .array(Band)
  .min(1, 'needs at least one band')
  .refine((bands) => bands.every((b, i) => i === 0 || b.min > bands[i - 1]!.min), 'band minimums must rise strictly')

const common = {
  id: ItemId,
  text: Text,
  help: z.string().trim().optional(),
  office: z.enum(OFFICES, { error: `must be one of ${OFFICES.join(', ')}` }),
  disciplines: z.array(z.enum(DISCIPLINES, { error: `must be one of ${DISCIPLINES.join(', ')}` })).min(1).optional(),
  showIf: z.string().trim().min(1).optional(),
  required: z.boolean().optional(),
  scored: z.boolean().optional(),
  dontKnow: z.boolean().optional(),
  notApplicable: z.boolean().default(false),
}

const YesNoItem = z.strictObject({
  ...common,
  kind: z.literal('yes-no'),
  points: z.strictObject({ yes: Points, no: Points }).default({ yes: 1, no: 0 }),
})
const SingleChoiceItem = z.strictObject({
  ...common,
  kind: z.literal('single-choice'),
  options: z.array(Option).min(2, 'needs at least two options'),
})
const MultipleChoiceItem = z.strictObject({
  ...common,
  kind: z.literal('multiple-choice'),
  options: z.array(Option).min(2, 'needs at least two options'),
  /** The most points the item can earn however many options are ticked; unset means the sum of all options. */
  cap: Points.optional(),
})
const NumberItem = z.strictObject({
  ...common,
  kind: z.literal('number'),
  /** count: whole numbers ≥ 0; percent: 0–100; decimal: any number within min/max. */
  unit: z.enum(['count', 'percent', 'decimal']),
  min: z.number().optional(),
  max: z.number().optional(),
  bands: Bands.optional(),
})
const LikertItem = z.strictObject({
  ...common,
  kind: z.literal('likert'),
  /** Five labels for 0 (lowest) to 4 (highest); the value is also the points. */
  anchors: z.array(Text).length(5, 'needs exactly five anchors, for 0 to 4'),
})
const FreeTextItem = z.strictObject({ ...common, kind: z.literal('free-text'), maxLength: z.number().int().positive().default(2000) })
const TableItem = z.strictObject({
  ...common,
  kind: z.literal('table'),
  rows: z.array(z.strictObject({ id: Slug, label: Text })).min(1),
  columns: z.array(z.strictObject({ id: Slug, label: Text })).min(1),
  /** Scored by a derived ratio: 100 × sum(numerator cells) ÷ sum(denominator cells), then by bands. Cells are "row.column". */
  ratio: z
    .strictObject({ numerator: z.array(z.string()).min(1), denominator: z.array(z.string()).min(1), bands: Bands })
    .optional(),
})

export const ItemSchema = z.discriminatedUnion('kind', [
  YesNoItem,
  SingleChoiceItem,
  MultipleChoiceItem,
  NumberItem,
  LikertItem,
  FreeTextItem,
  TableItem,
])

const Weight = z.number().positive('weights must be above 0').default(1)
export const AreaSchema = z.strictObject({ id: Slug, title: Text, description: z.string().trim().optional(), weight: Weight, items: z.array(z.unknown()) })
export const DomainSchema = z.strictObject({ id: Slug, title: Text, weight: Weight, areas: z.array(z.unknown()).min(1, 'needs at least one area') })
export const InstrumentHeadSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, e.g. "smm-2024"'),
  title: Text,
  description: z.string().trim().optional(),
  /** For an older version: where each of its areas went in a newer one, so trends can cross versions. */
  crosswalk: z
    .strictObject({ to: z.string(), note: z.string().trim().optional(), areas: z.record(z.string(), z.array(z.string()).min(1)) })
    .optional(),
  domains: z.array(z.unknown()).min(1, 'needs at least one domain'),
})

type RawItem = z.infer<typeof ItemSchema>
/** An item with its defaults settled: `scored`, `required` and `dontKnow` are always known. */
type Settled<T> = T extends unknown ? Omit<T, 'scored' | 'required' | 'dontKnow'> & { scored: boolean; required: boolean; dontKnow: boolean } : never
export type Item = Settled<RawItem>
export type ItemKind = Item['kind']
export type ItemOf<K extends ItemKind> = Extract<Item, { kind: K }>
export type Area = Omit<z.infer<typeof AreaSchema>, 'items'> & { items: Item[] }
export type Domain = Omit<z.infer<typeof DomainSchema>, 'areas'> & { areas: Area[] }
export type Instrument = Omit<z.infer<typeof InstrumentHeadSchema>, 'domains'> & { domains: Domain[] }

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  'yes-no': 'Yes / no',
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  number: 'Number',
  likert: 'Scale 0–4',
  'free-text': 'Free text',
  table: 'Table of numbers',
}

/** Every item in reading order, with the area and domain it sits in. */
export function itemsOf(instrument: Instrument): { item: Item; area: Area; domain: Domain }[] {
  return instrument.domains.flatMap((domain) => domain.areas.flatMap((area) => area.items.map((item) => ({ item, area, domain }))))
}

// Instruments are immutable once validated, so each indexes its items once (every autosave looks one up).
const itemIndexes = new WeakMap<Instrument, Map<string, { item: Item; area: Area; domain: Domain }>>()

/** The item with this id, with its area and domain; undefined if the instrument has none. */
export function findItem(instrument: Instrument, itemId: string): { item: Item; area: Area; domain: Domain } | undefined {
  let index = itemIndexes.get(instrument)
  if (!index) itemIndexes.set(instrument, (index = new Map(itemsOf(instrument).map((e) => [e.item.id, e]))))
  return index.get(itemId)
}

/** The most points an item can earn (0 for an unscored one). */
export function maxPoints(item: Item): number {
  if (!item.scored) return 0
  switch (item.kind) {
    case 'yes-no':
      return Math.max(item.points.yes, item.points.no)
    case 'single-choice':
      return Math.max(...item.options.map((o) => o.points))
    case 'multiple-choice': {
      const sum = item.options.reduce((total, o) => total + o.points, 0)
      return item.cap === undefined ? sum : Math.min(item.cap, sum)
    }
    case 'likert':
      return 4
    case 'number':
      return Math.max(0, ...(item.bands ?? []).map((b) => b.points))
    case 'table':
      return Math.max(0, ...(item.ratio?.bands ?? []).map((b) => b.points))
    case 'free-text':
      return 0
  }
}
