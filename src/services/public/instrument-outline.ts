import type { Db } from '../../db/client'
import { newestInstrumentVersion } from '../../db/queries/instruments'
import { validateInstrument } from '../../domain/instrument/instrument-validate'
import { notFound } from '../errors'

// What the public pages say the self-assessment measures: the domains and areas of the newest instrument version
// in the database. Public one-line summaries of the domains are ours (the instrument has none); areas bring
// their own descriptions, with the summaries below as a fallback for an area an instrument leaves undescribed.

export type InstrumentOutline = {
  versionId: string
  title: string
  domains: { id: string; name: string; description: string; areas: { id: string; name: string; description: string }[] }[]
}

const SUMMARIES: InstrumentOutline = {
  versionId: 'smm-2024',
  title: 'Social Mission Metrics Self-Assessment (2024)',
  domains: [
    {
      id: 'pathways',
      name: 'Pathways, Admission & Graduation',
      description: 'Who the school brings in, how it supports them, and where its graduates go on to practise.',
      areas: [
        { id: 'pathway-programs', name: 'Pathway programs', description: 'Partnerships with schools and colleges that open the profession to students from the communities the school serves, with outcomes tracked.' },
        { id: 'holistic-admissions', name: 'Holistic admissions and financial support', description: 'Admissions criteria aligned with the mission, community voices in selection, and need-based or service-linked aid.' },
        { id: 'student-diversity', name: 'Student diversity', description: 'The share of students from groups under-represented in the profession and from first-generation, rural or low-income backgrounds.' },
        { id: 'graduate-outcomes', name: 'Graduate outcomes', description: 'Whether graduates enter primary care or practise in shortage areas, and whether the school tracks and reports it.' },
      ],
    },
    {
      id: 'curriculum',
      name: 'Curriculum & Programming',
      description: 'What students learn about health equity and where they learn it.',
      areas: [
        { id: 'health-equity-curriculum', name: 'Health-equity curriculum', description: 'Required, assessed teaching on the social determinants of health and structural racism.' },
        { id: 'interprofessional-education', name: 'Interprofessional education', description: 'Students learning with and from other health professions, as they will work in practice.' },
        { id: 'service-learning', name: 'Service-learning', description: 'Community service built into the curriculum, with reflection and with partners shaping the work.' },
        { id: 'community-based-training', name: 'Community-based training', description: 'Clinical training in underserved, rural, tribal and community health center settings, and how many students take part.' },
      ],
    },
    {
      id: 'community',
      name: 'Community Engagement',
      description: 'How the school works with the communities around it as partners.',
      areas: [
        { id: 'community-partnerships', name: 'Community partnerships', description: 'Formal agreements, shared resources and a community advisory board with real influence.' },
        { id: 'community-health-needs', name: 'Community health needs', description: 'Taking part in local health needs assessments and aligning programs with what they find.' },
        { id: 'community-engaged-research', name: 'Community-engaged research', description: 'Research with community members as co-investigators, with results returned to the community.' },
      ],
    },
    {
      id: 'people',
      name: 'Students & Faculty',
      description: 'The people who carry the mission, and how the school supports and rewards them.',
      areas: [
        { id: 'faculty-leadership-diversity', name: 'Faculty and leadership diversity', description: 'Whether faculty and leaders reflect the diversity of the communities the school serves.' },
        { id: 'recognition', name: 'Recognition of social-mission work', description: 'Credit for social-mission work in promotion, awards and protected time.' },
        { id: 'advocacy', name: 'Advocacy and activism', description: 'Training in advocacy and support for student-run clinics and initiatives.' },
      ],
    },
    {
      id: 'governance',
      name: 'Governance & Accountability',
      description: 'Whether the social mission is written into the school’s plans, budget and reporting.',
      areas: [
        { id: 'mission-strategy', name: 'Mission and strategic plan', description: 'A mission that names the social mission, with goals, metrics and a budget behind them.' },
        { id: 'accountability', name: 'Measurement and accountability', description: 'Outcomes tracked and reported to the board and the public, with a named senior leader responsible.' },
      ],
    },
  ],
}

/** Public summaries by domain or area id, from the hand-written outline above. */
const summaryOf = new Map(
  SUMMARIES.domains.flatMap((d) => [[d.id, d.description] as const, ...d.areas.map((a) => [a.id, a.description] as const)]),
)

export async function currentInstrumentOutline(db: Db): Promise<InstrumentOutline> {
  const row = (await newestInstrumentVersion(db)) ?? notFound('instrument')
  const checked = validateInstrument(row.content)
  if (!checked.ok) throw new Error(`stored instrument ${row.id} no longer validates`)
  const { instrument } = checked
  return {
    versionId: instrument.id,
    title: instrument.title,
    domains: instrument.domains.map((d) => ({
      id: d.id,
      name: d.title,
      description: summaryOf.get(d.id) ?? '',
      areas: d.areas.map((a) => ({ id: a.id, name: a.title, description: a.description ?? summaryOf.get(a.id) ?? '' })),
    })),
  }
}

/** The areas per-area resources may be filed under: those of the current instrument. */
export async function currentAreaChoices(db: Db): Promise<{ id: string; name: string; domain: string }[]> {
  const outline = await currentInstrumentOutline(db)
  return outline.domains.flatMap((d) => d.areas.map((a) => ({ id: a.id, name: a.name, domain: d.name })))
}
