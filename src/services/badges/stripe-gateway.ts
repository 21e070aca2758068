import type Stripe from 'stripe'
import type { Config } from '../../config'

/**
 * The Stripe account the app talks to, when both keys are configured (decision 124). The library loads when first
 * used (decision 076). `api` points the real client at another host: only tests use it, with a local peer.
 */
export type StripeGateway = { webhookSecret: string; client: () => Promise<Stripe> }
export type StripeApi = { host: string; port: number; protocol: 'http' | 'https' }

export function stripeGateway(keys: Config['stripe'], api?: StripeApi): StripeGateway | null {
  if (!keys) return null
  let client: Promise<Stripe> | undefined
  return {
    webhookSecret: keys.webhookSecret,
    client: () => (client ??= import('stripe').then(({ default: StripeClient }) => new StripeClient(keys.secretKey, { maxNetworkRetries: 1, timeout: 20_000, telemetry: false, ...api }))),
  }
}
