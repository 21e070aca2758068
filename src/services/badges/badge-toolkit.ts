import type { CredentialToolkit } from './credentials/contract'

// The one place the badge program reaches the credential toolkit, so its pages and jobs code against the contract.
// Loaded at first use: its signing, JSON-LD and image libraries take a second or two to load, which every CLI
// command and test would otherwise pay (decision 076).
let loading: Promise<CredentialToolkit> | undefined

export const badgeToolkit = (): Promise<CredentialToolkit> => (loading ??= import('./credentials').then((m) => m.credentialToolkit))
