import type { Actor } from '../roles'
import type { Partner } from '../schemas/partner'
import { TIER_TERMS, type TierTerms } from './terms'

export type PartnerView = Omit<Partner, 'baseDiscountBps'> & {
  /** staff only: the tier's commercial structure and the partner's negotiated base discount */
  commercialTerms?: TierTerms & { baseDiscountBps: number }
}

/**
 * Who may see a partner's negotiated commercial terms: HomeAIQ staff, and the partner's own
 * admins (the lead contacts who agreed them); not its reps, never another partner.
 */
export const seesTerms = (reader: Actor, partnerId: string | undefined) =>
  reader.kind === 'staff' || (reader.kind === 'partner' && reader.role === 'partner-admin' && reader.partnerId === partnerId)

/** A partner record, or a part of one (an audit entry's before/after), as a reader may see it. */
export function redactPartner<P extends Partial<Partner>>(partner: P, reader: Actor): Omit<P, 'baseDiscountBps'> | P {
  if (seesTerms(reader, partner.id)) return partner
  const { baseDiscountBps: _internal, ...rest } = partner
  return rest
}

/** What GET /partners/{pid} answers: the commercial terms for those who may see them. */
export function partnerView(partner: Partner, reader: Actor): PartnerView {
  const { baseDiscountBps, ...rest } = partner
  if (!seesTerms(reader, partner.id)) return rest
  return { ...rest, commercialTerms: { ...TIER_TERMS[partner.tier], baseDiscountBps } }
}
