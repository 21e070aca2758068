import { DISCIPLINE_LABELS, DISCIPLINES, type Discipline } from '../school/school-facts'
import { parseReminderDays } from './reminders'
import { isSampled, type SampleSizes } from './sampling'

// What an admin sets up before opening a cycle, checked as a whole so every mistake is named at once.

export type CycleSettingsInput = {
  title: string
  instrumentVersion: string
  disciplines: readonly string[]
  /** Per discipline as typed: empty invites every eligible school, a number draws that many. */
  sampleSizes: Readonly<Record<string, string>>
  sampleSeed: string
  pilot: boolean
  opensOn: string // yyyy-mm-dd
  deadlineOn: string
  reminderDays: string
  /** 'yes' when the cycle closes by itself at its deadline (a ticked box); absent or '' otherwise. */
  closeAtDeadline?: string
}

export type CycleSettings = {
  title: string
  instrumentVersion: string
  disciplines: Discipline[]
  sampleSizes: SampleSizes
  sampleSeed: number | null
  pilot: boolean
  opensAt: Date
  deadlineAt: Date
  reminderDays: number[]
  closeAtDeadline: boolean
}

/** Keyed by form field; a discipline's sample size is the field `sampleSizeField(discipline)`. */
export type SettingsErrors = Record<string, string[]>

/** The form field holding one discipline's sample size. */
export const sampleSizeField = (d: Discipline) => `sample-${d}`

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** A date typed in a form: the cycle opens at the start of that day and closes at its very end (UTC). */
const dayStart = (s: string) => (DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) ? new Date(`${s}T00:00:00Z`) : null)
const dayEnd = (s: string) => (dayStart(s) ? new Date(`${s}T23:59:59Z`) : null)

export const isDiscipline = (value: string): value is Discipline => (DISCIPLINES as readonly string[]).includes(value)

/**
 * `seedFallback` is used when sampling without a typed seed, so the seed is always recorded. `instrumentVersions`
 * are the ids imported so far: a new version becomes a choice by importing its file, with no code change.
 */
export function checkCycleSettings(
  input: CycleSettingsInput,
  seedFallback: number,
  instrumentVersions: readonly string[],
): { ok: true; settings: CycleSettings } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {}
  const fail = (field: string, message: string) => (errors[field] = [...(errors[field] ?? []), message])

  const title = input.title.trim()
  if (title.length === 0 || title.length > 200) fail('title', 'Give the cycle a title of up to 200 characters.')
  if (!instrumentVersions.includes(input.instrumentVersion)) {
    fail('instrumentVersion', `Choose an instrument version: ${instrumentVersions.join(' or ') || 'none is imported yet'}.`)
  }
  const unknown = input.disciplines.filter((d) => !isDiscipline(d))
  if (unknown.length > 0) fail('disciplines', `Unknown discipline: ${unknown.join(', ')}.`)
  else if (input.disciplines.length === 0) fail('disciplines', 'Choose at least one discipline.')

  // Sizes only for the ticked disciplines: a number left behind in an unticked one means nothing.
  const sampleSizes: SampleSizes = {}
  for (const d of input.disciplines.filter(isDiscipline)) {
    const typed = (input.sampleSizes[d] ?? '').trim()
    if (typed === '') continue
    const n = Number(typed)
    if (!/^\d+$/.test(typed) || n < 1 || n > 100_000) {
      fail(sampleSizeField(d), `Enter how many ${DISCIPLINE_LABELS[d]} schools to draw as a whole number from 1, or leave it empty to invite all eligible.`)
    } else sampleSizes[d] = n
  }
  // A seed is recorded only when something is drawn; inviting every eligible school needs none.
  let sampleSeed: number | null = null
  const seedText = input.sampleSeed.trim()
  if (!isSampled(sampleSizes)) sampleSeed = null
  else if (seedText === '') sampleSeed = seedFallback
  else if (!/^\d{1,10}$/.test(seedText) || Number(seedText) < 1 || Number(seedText) > 2_147_483_647) {
    fail('sampleSeed', 'The seed is a whole number from 1 to 2147483647, or leave it empty for a new one.')
  } else sampleSeed = Number(seedText)

  const opensAt = dayStart(input.opensOn)
  const deadlineAt = dayEnd(input.deadlineOn)
  if (!opensAt) fail('opensOn', 'Enter the opening date as a date, like 2026-09-01.')
  if (!deadlineAt) fail('deadlineOn', 'Enter the deadline as a date, like 2026-12-15.')
  if (opensAt && deadlineAt && deadlineAt <= opensAt) fail('deadlineOn', 'The deadline must come after the opening date.')

  const reminderDays = parseReminderDays(input.reminderDays)
  if (!reminderDays) fail('reminderDays', 'List reminder days as whole numbers of days before the deadline, like 30, 14, 7, 1.')

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    settings: {
      title,
      instrumentVersion: input.instrumentVersion,
      disciplines: input.disciplines as Discipline[],
      sampleSizes,
      sampleSeed,
      pilot: input.pilot,
      opensAt: opensAt!,
      deadlineAt: deadlineAt!,
      reminderDays: reminderDays!,
      closeAtDeadline: input.closeAtDeadline === 'yes',
    },
  }
}
