import type { Actor } from '../roles'
import type { Partner } from '../schemas/partner'
import { TIER_TERMS, type TierTerms } from './terms'

export type PartnerView = Omit<Partner, 'baseDiscountBps' | 'scorecard'> & {
  /** staff only: the latest scorecard's outcome */
  scorecard?: Partner['scorecard']
  /** staff only: the tier's commercial structure and the partner's negotiated base discount */
  commercialTerms?: TierTerms & { baseDiscountBps: number }
}

/**
 * Who may see a partner's negotiated commercial terms: HomeAIQ staff, and the partner's own
 * admins (the lead contacts who agreed them); not its reps, never another partner.
 */
export const seesTerms = (reader: Actor, partnerId: string | undefined) =>
  reader.kind === 'staff' || (reader.kind === 'partner' && reader.role === 'partner-admin' && reader.partnerId === partnerId)

/**
 * A partner record, or a part of one (an audit entry's before/after), as a reader may see it:
 * the negotiated discount for those who see the terms, the scorecard for staff only.
 */
export function redactPartner<P extends Partial<Partner>>(partner: P, reader: Actor): Partial<Partner> {
  const { baseDiscountBps, scorecard, ...rest } = partner
  return {
    ...rest,
    ...(baseDiscountBps !== undefined && seesTerms(reader, partner.id) ? { baseDiscountBps } : {}),
    ...(scorecard && reader.kind === 'staff' ? { scorecard } : {}),
  }
}

/** What GET /partners/{pid} answers: the commercial terms for those who may see them. */
export function partnerView(partner: Partner, reader: Actor): PartnerView {
  const { baseDiscountBps, scorecard, ...rest } = partner
  return {
    ...rest,
    ...(scorecard && reader.kind === 'staff' ? { scorecard } : {}),
    ...(seesTerms(reader, partner.id) ? { commercialTerms: { ...TIER_TERMS[partner.tier], baseDiscountBps } } : {}),
  }
}
