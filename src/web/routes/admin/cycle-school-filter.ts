import { z } from 'zod'
import { isDiscipline } from '../../../domain/cycle/cycle-settings'
import { PARTICIPATION_STATUSES } from '../../../domain/cycle/cycle-summary'
import type { CycleSchoolFilter } from '../../../services/cycles/cycle-monitoring'

// The filter of a cycle's school list, read from the query string of the page or from the fields of the bulk form
// that carries it. Anything unknown is simply no filter: a hand-edited address never fails (decision 163).

const text = (max: number) => z.string().max(max).catch('').optional().transform((v) => v?.trim() ?? '')
const Fields = z.object({ status: text(20), discipline: text(40), state: text(2), q: text(200) })

/** The filter as typed (to show again in the form and keep in links) and as the query reads it. */
export function cycleSchoolFilter(raw: Record<string, unknown>) {
  const typed = Fields.parse({ status: raw.status, discipline: raw.discipline, state: raw.state, q: raw.q })
  const filter: CycleSchoolFilter = {}
  const status = PARTICIPATION_STATUSES.find((s) => s === typed.status)
  if (status) filter.status = status
  if (isDiscipline(typed.discipline)) filter.discipline = typed.discipline
  if (/^[A-Z]{2}$/.test(typed.state)) filter.state = typed.state
  if (typed.q) filter.q = typed.q
  return { typed, filter }
}

export type CycleSchoolQuery = ReturnType<typeof cycleSchoolFilter>['typed']
