import type { Actor } from '../roles'
import type { Partner } from '../schemas/partner'
import { TIER_TERMS, type TierTerms } from './terms'

export type PartnerView = Omit<Partner, 'baseDiscountBps'> & {
  /** staff only: the tier's commercial structure and the partner's negotiated base discount */
  commercialTerms?: TierTerms & { baseDiscountBps: number }
}

/** A partner record, or a part of one (an audit entry's before/after), as a reader may see it. */
export function redactPartner<P extends Partial<Partner>>(partner: P, reader: Actor): Omit<P, 'baseDiscountBps'> | P {
  if (reader.kind === 'staff') return partner
  const { baseDiscountBps: _internal, ...rest } = partner
  return rest
}

/** What GET /partners/{pid} answers: commercial terms are HomeAIQ-internal. */
export function partnerView(partner: Partner, reader: Actor): PartnerView {
  const { baseDiscountBps, ...rest } = partner
  if (reader.kind !== 'staff') return rest
  return { ...rest, commercialTerms: { ...TIER_TERMS[partner.tier], baseDiscountBps } }
}
