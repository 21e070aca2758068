import type { Db } from '../../db/client'
import { findOffer } from '../../db/queries/badge-offers'
import { badgeEligibility, type Eligibility } from '../../domain/badges/eligibility'
import type { ResponseAccess } from '../responses/response-access'

export type BadgeOffer = NonNullable<Awaited<ReturnType<typeof findOffer>>>

/** The school's eligibility for its badge in the response's cycle, with the cycle's offer (decision 123). */
export async function eligibilityOf(db: Db, access: ResponseAccess): Promise<{ eligibility: Eligibility; offer: BadgeOffer | undefined }> {
  const offer = await findOffer(db, access.cycleId)
  const fee = offer?.fees.find((f) => f.discipline === access.discipline)
  const eligibility = badgeEligibility({
    discipline: access.discipline,
    offer: fee ? { offered: true, feeCents: fee.feeCents } : { offered: false, cycleOffersAny: (offer?.fees.length ?? 0) > 0 },
    response: {
      status: access.status, source: access.source, certifiedByName: access.certifiedByName, paperSignedOn: access.paperSignedOn,
      instrument: access.narrowed, answers: access.answers,
    },
  })
  return { eligibility, offer }
}
