import fc from 'fast-check'
import { MAX_BODY_BYTES } from '../../../src/web/app'
import type { RouteSpec } from './fuzz-routes'
import { fieldName, fieldValue, jsonValue, pathParam } from './fuzz-values'

/**
 * A request as plain data, so fast-check can print and shrink a counterexample; `toRequest` turns it into what
 * `app.request` takes. Encodings cover the wrong content types too: JSON to a form, a form to JSON, multipart with
 * and without a file, malformed JSON, bodies at and beyond the size limit.
 */
export type FuzzRequest = {
  path: string
  encoding: 'urlencoded' | 'multipart' | 'multipart-with-file' | 'json' | 'malformed-json' | 'text' | 'no-content-type' | 'broken-multipart' | 'near-limit' | 'over-limit'
  pairs: [string, string][]
  json?: unknown
  raw?: string
  /** Webhooks only: whether the payload carries Stripe's valid signature. */
  signed?: boolean
}

export type RequestContext = { fields: readonly string[]; knownValues: readonly string[]; realParams: Record<string, string> }

const pairs = (ctx: RequestContext) => fc.array(fc.tuple(fieldName(ctx.fields), fieldValue(ctx.knownValues)), { maxLength: Math.max(4, ctx.fields.length * 2) })

const jsonBody = (ctx: RequestContext) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(fieldName(ctx.fields), jsonValue(ctx.knownValues)), { maxLength: 10 }).map((kv) => Object.fromEntries(kv)) },
    { weight: 1, arbitrary: jsonValue(ctx.knownValues) },
  )

/** Events shaped like Stripe's, with our order ids or junk where the handler looks. */
const stripeEvent = (ctx: RequestContext) =>
  fc.record({
    id: fc.oneof(fc.constant('evt_fuzz_1'), fieldValue(ctx.knownValues)),
    object: fc.constant('event'),
    type: fc.oneof(fc.constantFrom('checkout.session.completed', 'checkout.session.async_payment_succeeded', 'charge.refunded'), fieldValue([])),
    data: fc.record({
      object: fc.record({
        id: fieldValue([]),
        object: fc.constant('checkout.session'),
        client_reference_id: jsonValue(ctx.knownValues),
        payment_status: fc.oneof(fc.constant('paid'), fieldValue([])),
        payment_intent: jsonValue([]),
        metadata: fc.record({ orderId: jsonValue(ctx.knownValues) }),
      }, { requiredKeys: [] }),
    }),
  }, { requiredKeys: ['type'] })

function concretePath(pattern: string, params: Record<string, string>) {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? name))
}

/** The requests the fuzzer sends to one route; the route's usual encoding gets most of the weight. */
export function fuzzRequests(pattern: string, spec: RouteSpec, ctx: RequestContext): fc.Arbitrary<FuzzRequest> {
  const names = [...pattern.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)
  const params = fc.record(Object.fromEntries(names.map((n) => [n, pathParam(ctx.realParams[n] ?? n)])) as Record<string, fc.Arbitrary<string>>)
  const usual = spec.body === 'json' || spec.body === 'stripe-event' ? 'json' : spec.body === 'multipart' ? 'multipart-with-file' : 'urlencoded'
  const encoding = fc.oneof(
    { weight: 12, arbitrary: fc.constant(usual) },
    { weight: 2, arbitrary: fc.constantFrom<FuzzRequest['encoding']>('urlencoded', 'multipart', 'multipart-with-file', 'json') },
    { weight: 2, arbitrary: fc.constantFrom<FuzzRequest['encoding']>('malformed-json', 'text', 'no-content-type', 'broken-multipart') },
    { weight: 1, arbitrary: fc.constantFrom<FuzzRequest['encoding']>('near-limit', 'over-limit') },
  )
  return fc.record({
    path: params.map((p) => concretePath(pattern, p)),
    encoding,
    pairs: pairs(ctx),
    json: spec.body === 'stripe-event' ? fc.oneof(stripeEvent(ctx), jsonBody(ctx)) : jsonBody(ctx),
    raw: fc.oneof(fc.constantFrom('{"a":', '[', 'nul', '{"__proto__":{"x":1}}', '\u0000', ''), fc.string({ maxLength: 60 })),
    signed: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  })
}

const FILE_FIELDS = ['file']

/** The body and headers for a fuzz request, as a browser (or Stripe, signing with `sign`) would send it. */
export function toRequest(req: FuzzRequest, headers: Record<string, string>, sign?: (payload: string) => string): RequestInit {
  const send = (body: BodyInit | undefined, contentType?: string): RequestInit => {
    const all: Record<string, string> = { ...headers, ...(contentType ? { 'Content-Type': contentType } : {}) }
    if (sign && typeof body === 'string' && req.signed) all['stripe-signature'] = sign(body)
    else if (sign && req.signed === false) all['stripe-signature'] = 't=1,v1=forged'
    return { method: 'POST', headers: all, body }
  }
  switch (req.encoding) {
    case 'urlencoded':
      return send(new URLSearchParams(req.pairs).toString(), 'application/x-www-form-urlencoded')
    case 'multipart':
    case 'multipart-with-file': {
      const form = new FormData()
      for (const [name, value] of req.pairs) form.append(name, value)
      if (req.encoding === 'multipart-with-file') for (const name of FILE_FIELDS) form.append(name, new Blob([req.pairs.map((p) => p.join(',')).join('\n')]), 'upload.csv')
      return send(form)
    }
    case 'json':
      return send(JSON.stringify(req.json ?? null), 'application/json')
    case 'malformed-json':
      return send(req.raw ?? '{', 'application/json')
    case 'text':
      return send(req.raw ?? '', 'text/plain')
    case 'no-content-type':
      return send(new URLSearchParams(req.pairs).toString())
    case 'broken-multipart':
      return send(`--x\r\nContent-Disposition: form-data; name="${req.pairs[0]?.[0] ?? 'a'}"\r\n\r\n${req.raw ?? ''}`, 'multipart/form-data; boundary=x')
    case 'near-limit':
    case 'over-limit': {
      // Room for the other fields and the encoding of the padding field itself.
      const size = req.encoding === 'near-limit' ? MAX_BODY_BYTES - 4_096 : MAX_BODY_BYTES + 1
      return send(new URLSearchParams([...req.pairs, ['padding', 'p'.repeat(size)]]).toString(), 'application/x-www-form-urlencoded')
    }
  }
}

/** A short description of a request for failure messages: the path, the encoding and the first bytes sent. */
export const describeRequest = (req: FuzzRequest) => `${req.encoding} POST ${req.path} ${JSON.stringify(req.encoding.includes('json') ? req.json : req.pairs).slice(0, 300)}`
