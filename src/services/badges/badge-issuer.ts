import type { BadgeIssuer, BadgeSigningKey } from './credentials/contract'

/** The issuer (base URL and signing key), loaded once: the key file is read or made on the first call only. */
export type BadgeIssuerSource = () => Promise<BadgeIssuer>

export function badgeIssuerSource(options: { baseUrl: string; dataDir: string; configuredKey: string | undefined }): BadgeIssuerSource {
  let loading: Promise<BadgeIssuer> | undefined
  return () => {
    if (!loading) {
      // Only the key's own module: the whole toolkit (JSON-LD, signing suites, images) would add a second to every
      // start of a working process, which loads the key at start (decision 127); the toolkit loads at first use.
      const load = import('./credentials/signing-key')
        .then(({ loadSigningKey }) => loadSigningKey({ baseUrl: options.baseUrl, dataDir: options.dataDir, ...(options.configuredKey ? { configuredKey: options.configuredKey } : {}) }))
        .then((signingKey: BadgeSigningKey): BadgeIssuer => ({ baseUrl: options.baseUrl, signingKey }))
      // A failed load (a malformed BADGE_SIGNING_KEY) is not cached: the next call tries again and says why.
      load.catch(() => (loading = undefined))
      loading = load
    }
    return loading
  }
}
