import { zValidator } from '@hono/zod-validator'
import { z } from 'zod'
import type { Ctx } from './context'

export type FormValues = Record<string, string>
export type FieldErrors = Record<string, string[] | undefined>
export type FormState = { values: FormValues; errors: FieldErrors; message?: string }
export const emptyForm: FormState = { values: {}, errors: {} }

/** Keeps only the text fields of a parsed body, so a form can be redrawn with what the person typed. */
export function textValues(raw: unknown): FormValues {
  if (!raw || typeof raw !== 'object') return {}
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

/**
 * Validates a form body; a fixable mistake comes back as the same page, status 422, with what was typed and a
 * message beside each field.
 */
export const formOf = <S extends z.ZodType>(schema: S, page: (c: Ctx, form: FormState) => Response | Promise<Response>) =>
  zValidator('form', schema, (result, c) => {
    if (result.success) return
    c.status(422)
    return page(c as Ctx, { values: textValues(result.data), errors: z.flattenError(result.error).fieldErrors as FieldErrors })
  })
