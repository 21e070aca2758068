import { z } from 'zod'
import type { Ctx } from '../context'

const CycleId = z.uuid()

/** The cycle id in the address (`:id`), or null when it is not a uuid (the route then answers "not found"). */
export function cycleIdOf(c: Ctx): string | null {
  const id = CycleId.safeParse(c.req.param('id'))
  return id.success ? id.data : null
}
