import {
  CARNEGIE_GROUPS,
  CONTROLS,
  DISCIPLINES,
  US_STATES,
  type CarnegieGroup,
  type Control,
  type Discipline,
} from './school-facts'

// One school of the directory as the admin types it (a form) or as a CSV row gives it, checked field by field.

export const DIRECTORY_FIELDS = [
  'name',
  'parent_institution',
  'city',
  'state',
  'discipline',
  'control',
  'carnegie_group',
  'ipeds_unit_id',
  'website',
  'dean_name',
  'dean_email',
  'status',
] as const
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number]
export const REQUIRED_DIRECTORY_FIELDS: readonly DirectoryField[] = ['name', 'city', 'state', 'discipline', 'control']

export type DirectoryEntry = {
  name: string
  parentInstitution: string | null
  city: string
  state: string
  discipline: Discipline
  control: Control
  carnegieGroup: CarnegieGroup
  ipedsUnitId: number | null
  website: string | null
  deanName: string | null
  deanEmail: string | null
  status: 'active' | 'inactive'
}

export type FieldProblem = { field: DirectoryField; message: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const optional = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null)
const oneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v)

/** Checks one entry; every problem is returned, each naming its field. */
export function checkDirectoryEntry(raw: Partial<Record<DirectoryField, string>>):
  | { ok: true; entry: DirectoryEntry }
  | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const fail = (field: DirectoryField, message: string) => problems.push({ field, message })
  const text = (field: DirectoryField) => (raw[field] ?? '').trim()

  const name = text('name')
  if (name === '' || name.length > 300) fail('name', 'Enter the school’s name (up to 300 characters).')
  const city = text('city')
  if (city === '' || city.length > 120) fail('city', 'Enter the city.')
  const state = text('state').toUpperCase()
  if (!oneOf(US_STATES, state)) fail('state', `“${text('state')}” is not a US state or territory code, like CA or PR.`)
  const discipline = text('discipline').toLowerCase()
  if (!oneOf(DISCIPLINES, discipline)) fail('discipline', `Unknown discipline “${text('discipline')}”; use one of ${DISCIPLINES.join(', ')}.`)
  const control = text('control').toLowerCase()
  if (!oneOf(CONTROLS, control)) fail('control', `Control is public or private, not “${text('control')}”.`)
  const carnegie = text('carnegie_group').toLowerCase() || 'other'
  if (!oneOf(CARNEGIE_GROUPS, carnegie)) fail('carnegie_group', `Unknown Carnegie group “${text('carnegie_group')}”; use one of ${CARNEGIE_GROUPS.join(', ')}.`)
  const ipeds = text('ipeds_unit_id')
  if (ipeds !== '' && !/^\d{6}$/.test(ipeds)) fail('ipeds_unit_id', 'An IPEDS unit id has six digits, like 100663.')
  const website = webAddress(optional(raw.website))
  if (website === false) fail('website', 'Enter the school’s web address, like https://www.school.edu (no spaces).')
  const deanEmail = optional(raw.dean_email)?.toLowerCase() ?? null
  if (deanEmail && (!EMAIL.test(deanEmail) || deanEmail.length > 254)) fail('dean_email', 'Enter the dean’s e-mail address, like dean@school.edu.')
  const status = text('status').toLowerCase() || 'active'
  if (status !== 'active' && status !== 'inactive') fail('status', 'Status is active or inactive.')

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    entry: {
      name,
      parentInstitution: optional(raw.parent_institution),
      city,
      state,
      discipline: discipline as Discipline,
      control: control as Control,
      carnegieGroup: carnegie as CarnegieGroup,
      ipedsUnitId: ipeds === '' ? null : Number(ipeds),
      website: website || null,
      deanName: optional(raw.dean_name),
      deanEmail,
      status: status as 'active' | 'inactive',
    },
  }
}

/**
 * A website is an http(s) address. Lists often give a bare host ("www.school.edu/nursing"), which means https;
 * any other scheme (javascript:, data:, ftp:) is refused, since the directory shows it as a link.
 */
function webAddress(typed: string | null): string | null | false {
  if (!typed) return null
  if (typed.length > 300 || /\s/.test(typed)) return false
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed)
  if (hasScheme && !/^https?:\/\//i.test(typed)) return false
  const address = hasScheme ? typed : `https://${typed}`
  try {
    return new URL(address).hostname.includes('.') ? address : false
  } catch {
    return false
  }
}

/** Name + state in a form that ignores case, spacing and punctuation, so "St. Mary's" meets "St Marys". */
export const nameStateKey = (name: string, state: string) =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()}|${state.trim().toUpperCase()}`

export type DirectoryIdentity = { name: string; city: string; state: string; discipline: string; ipedsUnitId: number | null }

/**
 * Two entries are the same school when they share IPEDS unit id, discipline and city, or name and state. The
 * IPEDS id alone is not enough: one university holds an MD and a dental school under one id, and the public
 * roster lists separate campuses of one MD school (Tucson and Phoenix) under their university's id.
 */
export function sameSchool(a: DirectoryIdentity, b: DirectoryIdentity): 'ipeds' | 'name-state' | null {
  const ka = identityKeys(a)
  const kb = identityKeys(b)
  if (ka.ipeds !== null && ka.ipeds === kb.ipeds) return 'ipeds'
  if (ka.nameState === kb.nameState) return 'name-state'
  return null
}

/** The keys `sameSchool` compares, so a large file can be checked with a lookup per row instead of a scan. */
export function identityKeys(a: DirectoryIdentity): { ipeds: string | null; nameState: string } {
  return {
    ipeds: a.ipedsUnitId === null ? null : `${a.ipedsUnitId}|${a.discipline}|${a.city.trim().toLowerCase()}`,
    nameState: nameStateKey(a.name, a.state),
  }
}
