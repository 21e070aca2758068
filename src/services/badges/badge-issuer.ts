import type { BadgeIssuer, BadgeSigningKey } from './credentials/contract'
import { badgeToolkit } from './badge-toolkit'

/** The issuer (base URL and signing key), loaded once: the key file is read or made on the first call only. */
export type BadgeIssuerSource = () => Promise<BadgeIssuer>

export function badgeIssuerSource(options: { baseUrl: string; dataDir: string; configuredKey: string | undefined }): BadgeIssuerSource {
  let loading: Promise<BadgeIssuer> | undefined
  return () => {
    if (!loading) {
      const load = badgeToolkit()
        .then((toolkit) => toolkit.loadSigningKey({ baseUrl: options.baseUrl, dataDir: options.dataDir, ...(options.configuredKey ? { configuredKey: options.configuredKey } : {}) }))
        .then((signingKey: BadgeSigningKey): BadgeIssuer => ({ baseUrl: options.baseUrl, signingKey }))
      // A failed load (a malformed BADGE_SIGNING_KEY) is not cached: the next call tries again and says why.
      load.catch(() => (loading = undefined))
      loading = load
    }
    return loading
  }
}
