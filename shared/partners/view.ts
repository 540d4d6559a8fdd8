import type { Actor } from '../roles'
import type { Partner } from '../schemas/partner'
import { TIER_TERMS, type TierTerms } from './terms'

export type PartnerView = Omit<Partner, 'baseDiscountBps'> & {
  /** staff only: the tier's commercial structure and the partner's negotiated base discount */
  commercialTerms?: TierTerms & { baseDiscountBps: number }
}

/** What a signed-in user may see of a partner record: commercial terms are HomeAIQ-internal. */
export function partnerView(partner: Partner, actor: Actor): PartnerView {
  const { baseDiscountBps, ...rest } = partner
  if (actor.kind !== 'staff') return rest
  return { ...rest, commercialTerms: { ...TIER_TERMS[partner.tier], baseDiscountBps } }
}
