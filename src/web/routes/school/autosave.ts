import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from 'pino'
import { z } from 'zod'
import { AppError, isDatabaseUnavailable, unavailableReason, UNAVAILABLE_RETRY_SECONDS } from '../../../services/errors'
import { AnswerSaveInput, saveAnswerBySession } from '../../../services/responses/answer-save'
import type { AppDeps } from '../../context'
import { SESSION_COOKIE } from '../../middleware/request-context'
import { storableJsonValue } from '../../storable-text'
import { privateNoStore } from './private-pages'

export const AUTOSAVE_PATH = '/school/responses/:id/answers'
const ResponseId = z.uuid()

/**
 * The questionnaire's autosave: JSON in, JSON out, one small request per changed answer. It is the one request a
 * busy cycle sends most, so it identifies the caller together with the response in one statement
 * (`saveAnswerBySession`, decision 075) and is mounted before the app's per-request session lookup; the checks
 * every post gets (same origin, body size) apply here too, and every failure answers JSON the page can show.
 */
export function autosaveRoutes(deps: AppDeps, maxBodyBytes: number, log: Logger) {
  const tooLarge = () => {
    throw new HTTPException(413)
  }
  const streamedLimit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge })
  // Hono's bodyLimit looks at the body as a web stream, which makes @hono/node-server build a full Request for the
  // request the app answers most (a sixth of a save's CPU, decision 173). A declared length is checked here instead,
  // and Node's parser reads exactly that many bytes, so the body is then read by node-server's direct path. A body
  // sent without one (chunked) still goes through bodyLimit, which counts as it reads.
  const withinLimit = createMiddleware(async (c, next) => {
    const declared = c.req.header('content-length')
    if (declared === undefined || !/^\d{1,15}$/.test(declared) || c.req.header('transfer-encoding') !== undefined) return streamedLimit(c, next)
    if (Number(declared) > maxBodyBytes) tooLarge()
    await next()
  })
  // On the route itself, not `.use()`: a sub-app's `use` would reach every route of the app it is mounted in.
  return new Hono()
    .post(AUTOSAVE_PATH, privateNoStore, csrf(), withinLimit, async (c) => {
      const responseId = ResponseId.safeParse(c.req.param('id'))
      if (!responseId.success) return c.json({ ok: false, kind: 'refused', code: 'not_found', message: 'We could not find that questionnaire.' }, 404)
      const parsed = AnswerSaveInput.safeParse(await c.req.text().then((text) => JSON.parse(text, storableJsonValue) as unknown).catch(() => null))
      if (!parsed.success) return c.json({ ok: false, kind: 'invalid', field: 'value', message: parsed.error.issues[0]?.message ?? 'This answer could not be read.' }, 422)
      const outcome = await saveAnswerBySession(deps.db, getCookie(c, SESSION_COOKIE), responseId.data, parsed.data)
      if (outcome.ok) return c.json(outcome)
      return c.json(outcome, outcome.kind === 'conflict' ? 409 : 422)
    })
    .onError((err, c) => {
      if (err instanceof AppError) return c.json({ ok: false, kind: 'refused', code: err.code, message: err.message }, err.status as 403)
      if (err instanceof HTTPException) {
        const message = err.status === 413 ? 'This answer is larger than we accept.' : 'This page is out of date. Reload it and try again.'
        return c.json({ ok: false, kind: 'refused', code: `http.${err.status}`, message }, err.status)
      }
      if (isDatabaseUnavailable(err)) {
        // Nothing was saved (or, if the commit's answer was lost, the page's retry finds it saved: answer-save.ts).
        log.warn({ reason: unavailableReason(err), path: c.req.path }, 'autosave refused: the database is unavailable')
        c.header('Retry-After', String(UNAVAILABLE_RETRY_SECONDS))
        return c.json({ ok: false, kind: 'unavailable', message: 'We cannot save for a moment.' }, 503)
      }
      log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error')
      return c.json({ ok: false, kind: 'error', message: 'Something went wrong on our side. It has been logged; please try again.' }, 500)
    })
}
