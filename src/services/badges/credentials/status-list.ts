import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list'
import { badgeUrls } from '../../../domain/badges/credential-urls'
import { isoSeconds } from '../../../domain/badges/open-badge-credential'
import { isStatusIndex, STATUS_LIST_LENGTH } from '../../../domain/badges/status-list-rules'
import type { BadgeIssuer, SignedCredential } from './contract'
import { signCredential } from './sign-credential'

export { STATUS_LIST_LENGTH }

export class StatusIndexError extends Error {}

/**
 * The signed `BitstringStatusListCredential` for revocation, with these badges' bits set. The list is GZIP-compressed
 * and multibase base64url-encoded ("u…"); bit 0 is the leftmost bit of the first byte, as the spec says.
 */
export async function statusListCredential(revokedIndices: number[], issuer: BadgeIssuer, validFrom: Date): Promise<SignedCredential> {
  const list = await createList({ length: STATUS_LIST_LENGTH })
  for (const index of revokedIndices) {
    if (!isStatusIndex(index)) {
      throw new StatusIndexError(`Status index ${index} is outside the list (0 to ${STATUS_LIST_LENGTH - 1}).`)
    }
    list.setStatus(index, true)
  }
  const unsigned = await createCredential({ id: badgeUrls(issuer.baseUrl).statusList, list, statusPurpose: 'revocation' })
  // The issuer by id only: the list's context (VC 2.0 alone) has no terms for the OB Profile's fields.
  const credential = { ...unsigned, issuer: badgeUrls(issuer.baseUrl).issuer, validFrom: isoSeconds(validFrom) }
  return signCredential(credential, issuer, validFrom)
}
