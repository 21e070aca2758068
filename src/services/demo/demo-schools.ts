import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { SchoolInsert } from '../../db/queries/schools'
import {
  carnegieGroupFromIpeds,
  controlFromIpeds,
  disciplineFromRoster,
  nursingDisciplineFromHighestOffering,
} from '../../domain/school/ipeds-labels'

// Real school names from public rosters (seed/README.md); the deans and their addresses are invented.
const seedDir = new URL('../../../seed/', import.meta.url)
const DEMO_DOMAIN = 'demo.socialmissionmetrics.test'

type Row = Record<string, string>
const readCsv = (name: string): Row[] => parse(readFileSync(new URL(name, seedDir)), { columns: true, skip_empty_lines: true, bom: true })

/** Every k-th row, so the demo spreads over states rather than taking the first few alphabetically. */
const spread = <T,>(rows: T[], count: number) => {
  const step = Math.max(1, Math.floor(rows.length / count))
  return rows.filter((_, i) => i % step === 0).slice(0, count)
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40)

function demoDean(name: string) {
  return { deanName: 'Demo Dean', deanEmail: `dean.${slug(name)}@${DEMO_DOMAIN}` }
}

export function demoSchools(): SchoolInsert[] {
  const roster = readCsv('us_md_do_dental_schools.csv').filter((r) => controlFromIpeds(r.control ?? ''))
  const fromRoster = (discipline: string, count: number) =>
    spread(roster.filter((r) => r.discipline === discipline), count).map((r): SchoolInsert => ({
      name: r.school_name!,
      parentInstitution: r.ipeds_institution_name || null,
      city: r.city!,
      state: r.state!,
      discipline: disciplineFromRoster(r.discipline!)!,
      control: controlFromIpeds(r.control!)!,
      carnegieGroup: carnegieGroupFromIpeds(r.carnegie2021_group ?? ''),
      ipedsUnitId: r.ipeds_unitid ? Number(r.ipeds_unitid) : null,
      isDemo: true,
      ...demoDean(r.school_name!),
    }))
  const nursingRows = readCsv('ipeds_hd2024_nursing_focus.csv').filter((r) => r.active === 'yes' && controlFromIpeds(r.control ?? ''))
  const isAdn = (r: Row) => nursingDisciplineFromHighestOffering(r.highest_offering ?? '') === 'nursing-adn'
  const nursing = [...spread(nursingRows.filter(isAdn), 4), ...spread(nursingRows.filter((r) => !isAdn(r)), 4)].map((r): SchoolInsert => ({
    name: r.name!,
    parentInstitution: r.system_name || null,
    city: r.city!,
    state: r.state!,
    discipline: nursingDisciplineFromHighestOffering(r.highest_offering ?? ''),
    control: controlFromIpeds(r.control!)!,
    carnegieGroup: carnegieGroupFromIpeds(r.carnegie2021_group ?? ''),
    ipedsUnitId: Number(r.unitid),
    website: r.website || null,
    isDemo: true,
    ...demoDean(r.name!),
  }))
  return [...fromRoster('MD', 10), ...fromRoster('DO', 6), ...fromRoster('DENTAL', 6), ...nursing]
}

export const DEMO_ACCOUNTS = {
  admin: { email: `admin@${DEMO_DOMAIN}`, name: 'Demo Admin' },
  analyst: { email: `analyst@${DEMO_DOMAIN}`, name: 'Demo Analyst' },
} as const
