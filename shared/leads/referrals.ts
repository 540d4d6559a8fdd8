import { ConflictError } from '../errors'
import type { Conflict, Referral } from '../schemas/lead'
import type { ReferralDecisionInput, ReferralInput } from '../schemas/lead-input'
import { REFERRAL_STATUS_LABELS } from './vocabulary'

/** A partner's referral of a homeowner project to HomeAIQ, waiting for staff (or flagged as a possible duplicate). */
export function newReferral(
  input: Omit<ReferralInput, 'contact'>,
  ctx: { id: string; now: Date; partnerId: string; partnerName: string; submittedBy: string; conflict?: Conflict },
): Referral {
  const at = ctx.now.toISOString()
  return {
    id: ctx.id,
    status: ctx.conflict ? 'conflict' : 'pending',
    referredBy: ctx.partnerId,
    referrerName: ctx.partnerName,
    submittedBy: ctx.submittedBy,
    projectType: input.projectType,
    region: input.region,
    categories: [...input.categories],
    budgetRange: input.budgetRange,
    ...(ctx.conflict ? { conflict: ctx.conflict } : {}),
    matchFields: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
}

/** Staff accept a referral (it becomes a lead credited to the referrer) or reject it with a reason. */
export function decideReferral(referral: Referral, input: ReferralDecisionInput, by: string, now: Date): Referral {
  if (referral.status !== 'pending' && referral.status !== 'conflict') {
    throw new ConflictError(`This referral is ${REFERRAL_STATUS_LABELS[referral.status].toLowerCase()} already.`)
  }
  const at = now.toISOString()
  return {
    ...referral,
    status: input.decision === 'accept' ? 'accepted' : 'rejected',
    decision: { decision: input.decision, ...(input.reason ? { reason: input.reason } : {}), at, by },
    updatedAt: at,
    version: referral.version + 1,
  }
}
