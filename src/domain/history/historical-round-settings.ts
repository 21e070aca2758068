import { z } from 'zod'

// What the program team says about a past round before its file is read: a name, the year it ran and the
// instrument version its answers belong to (decision 095).

export type HistoricalRoundInput = { title: string; year: string; instrumentVersion: string }
export type HistoricalRoundSettings = { title: string; year: number; instrumentVersion: string }
export type HistoricalRoundErrors = Partial<Record<keyof HistoricalRoundInput | 'file', string[]>>

/** The national rounds began in 2019; earlier pilot records are allowed back to 2000, never a year not yet begun. */
export const FIRST_ROUND_YEAR = 2000

export function checkHistoricalRound(input: HistoricalRoundInput, versions: readonly string[], now: Date):
  { ok: true; settings: HistoricalRoundSettings } | { ok: false; errors: HistoricalRoundErrors } {
  const schema = z.object({
    title: z.string().trim().min(1, 'Enter a name for the round, e.g. “2019 national round”.').max(200, 'Keep the name under 200 characters.'),
    year: z.string().trim().regex(/^\d{4}$/, 'Enter the year the round ran, e.g. 2019.').transform(Number)
      .refine((y) => y >= FIRST_ROUND_YEAR && y <= now.getUTCFullYear(), `Enter a year from ${FIRST_ROUND_YEAR} to ${now.getUTCFullYear()}.`),
    instrumentVersion: z.string().refine((v) => versions.includes(v), 'Choose the instrument version the round used.'),
  })
  const result = schema.safeParse(input)
  return result.success ? { ok: true, settings: result.data } : { ok: false, errors: z.flattenError(result.error).fieldErrors as HistoricalRoundErrors }
}

/** A past round's dates: the whole year it ran, so trends order it before every later cycle. */
export const historicalRoundDates = (year: number) => ({ opensAt: new Date(Date.UTC(year, 0, 1)), deadlineAt: new Date(Date.UTC(year, 11, 31)) })
