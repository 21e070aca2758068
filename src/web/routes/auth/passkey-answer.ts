import { z } from 'zod'
import { MAX_PASSKEY_NICKNAME } from '../../../domain/auth/passkey-rules'

/**
 * A passkey form's fields: the browser's answer as JSON (the library checks its shape and every byte) and an
 * optional name. An unreadable answer is a refusal with a message, never a 5xx.
 */
export const PasskeyAnswer = z.object({
  response: z
    .string()
    .min(2)
    .max(50_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' })
        return z.NEVER
      }
    }),
  nickname: z.string().max(MAX_PASSKEY_NICKNAME * 20).optional(), // trimmed to its length by passkeyNickname
})
