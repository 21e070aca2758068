import type { UsState } from '../school/school-facts'

// The four US Census Bureau regions (Census Regions and Divisions of the United States), used as the coarsest
// geography in research exports. DC belongs to the South (the South Atlantic division), as the Census puts it.
// Puerto Rico and the island areas are in no Census region: they get a fifth value of their own, which the
// de-identification generalises away whenever it is small (decision 133).

export const CENSUS_REGIONS = ['northeast', 'midwest', 'south', 'west', 'territories'] as const
export type CensusRegion = (typeof CENSUS_REGIONS)[number]

export const CENSUS_REGION_LABELS: Record<CensusRegion, string> = {
  northeast: 'Northeast',
  midwest: 'Midwest',
  south: 'South',
  west: 'West',
  territories: 'Puerto Rico and other territories',
}

const STATES_OF: Record<Exclude<CensusRegion, 'territories'>, readonly UsState[]> = {
  northeast: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT', 'NJ', 'NY', 'PA'],
  midwest: ['IL', 'IN', 'MI', 'OH', 'WI', 'IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD'],
  south: ['DE', 'DC', 'FL', 'GA', 'MD', 'NC', 'SC', 'VA', 'WV', 'AL', 'KY', 'MS', 'TN', 'AR', 'LA', 'OK', 'TX'],
  west: ['AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY', 'AK', 'CA', 'HI', 'OR', 'WA'],
}

const REGION_OF = new Map<string, CensusRegion>(
  Object.entries(STATES_OF).flatMap(([region, states]) => states.map((state) => [state, region as CensusRegion])),
)

/** The Census region of a state's postal code; territories, and any code that is not a state, are 'territories'. */
export const censusRegionOf = (state: string): CensusRegion => REGION_OF.get(state.toUpperCase()) ?? 'territories'
