import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import type { Ctx } from './context'
import { textValues, type FieldErrors, type FormState } from './form'

export type FormRead<T> = { ok: true; data: T; values: FormState['values'] } | { ok: false; form: FormState }

/**
 * Reads and validates a form body inside the handler, for schemas built per request (messages in the visitor's
 * language), where `formOf`'s build-once validator does not fit. On failure: the typed values and field messages.
 */
export async function readForm<S extends z.ZodType>(c: Ctx, schema: S): Promise<FormRead<z.output<S>>> {
  let body: Record<string, unknown>
  try {
    body = await c.req.parseBody()
  } catch {
    throw new HTTPException(400)
  }
  const values = textValues(body)
  const result = schema.safeParse(body)
  if (result.success) return { ok: true, data: result.data, values }
  return { ok: false, form: { values, errors: z.flattenError(result.error).fieldErrors as FieldErrors } }
}
