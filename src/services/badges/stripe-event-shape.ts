import { z } from 'zod'

/** Stripe's ids and event types are short printable ASCII; anything else cannot be one of theirs. */
const StripeToken = z.string().regex(/^[\x21-\x7e]{1,255}$/)

const CheckoutSession = z.object({
  id: StripeToken,
  payment_status: z.string().optional(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
})

const VerifiedEvent = z.object({
  id: StripeToken,
  type: StripeToken,
  created: z.number().int().min(0).max(8_640_000_000_000),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

export type StripeCheckoutSession = z.infer<typeof CheckoutSession>
export type StripeEventFacts = z.infer<typeof VerifiedEvent>

/**
 * The parts of a verified event we act on, checked before use: a signature proves who sent the body, not that
 * it has the shape Stripe documents (a test header, a replayed dashboard event, a future API version).
 */
export const stripeEventFacts = (event: unknown) => VerifiedEvent.safeParse(event).data

/** The checkout session a paying event carries, or undefined when it is not one. */
export const checkoutSessionOf = (event: StripeEventFacts) => CheckoutSession.safeParse(event.data.object).data
