// The closed vocabularies that describe a school. Comparison groups and eligibility are built from these.

export const DISCIPLINES = ['md', 'do', 'dental', 'nursing-adn', 'nursing-bsn-msn', 'pa'] as const
export type Discipline = (typeof DISCIPLINES)[number]

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  md: 'Medicine (MD)',
  do: 'Osteopathic medicine (DO)',
  dental: 'Dentistry',
  'nursing-adn': 'Nursing (associate degree)',
  'nursing-bsn-msn': 'Nursing (bachelor’s and master’s)',
  pa: 'Physician assistant (PA)',
}

export const CONTROLS = ['public', 'private'] as const
export type Control = (typeof CONTROLS)[number]

export const CARNEGIE_GROUPS = ['r1', 'r2', 'r3', 'special-focus', 'masters-baccalaureate', 'associate', 'other'] as const
export type CarnegieGroup = (typeof CARNEGIE_GROUPS)[number]

export const CARNEGIE_LABELS: Record<CarnegieGroup, string> = {
  r1: 'R1: very high research',
  r2: 'R2: high research',
  r3: 'Other doctoral (R3)',
  'special-focus': 'Special focus',
  'masters-baccalaureate': 'Master’s / baccalaureate',
  associate: 'Associate',
  other: 'Other or unknown',
}

export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'GU', 'VI', 'AS', 'MP',
] as const
export type UsState = (typeof US_STATES)[number]
