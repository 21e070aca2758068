// The one place the badge program reaches the credential toolkit, so its pages and jobs code against the contract.
export { credentialToolkit as badgeToolkit } from './credentials'
