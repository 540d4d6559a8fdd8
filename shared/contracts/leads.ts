import * as z from 'zod/mini'
import { LEAD_LIMITS } from '../leads/vocabulary'
import { Slug, Ulid } from '../schemas/common'
import {
  DeclineInput,
  LeadInput,
  PartnerLeadQuery,
  PipelineInput,
  ReferralDecisionInput,
  ReferralInput,
  ReferralQuery,
  StaffLeadQuery,
  StaffOfferInput,
} from '../schemas/lead-input'
import { access, defineContracts } from './contract'

/** The answers' schemas, loaded only when asked for (see LoadSchema) */
const views = () => import('../schemas/lead')

const PartnerParam = z.strictObject({ partnerId: Slug })
const PartnerLeadParam = z.strictObject({ partnerId: Slug, id: Ulid })
const IdParam = z.strictObject({ id: Ulid })

const CONTACT_RULE =
  'The homeowner’s contact (name, e-mail, phone, address) is shown to HomeAIQ staff and to the partner that accepted the lead, never to anyone else.'
const GONE_RULE =
  'A partner whose offer lapsed, or that declined it, no longer finds the lead (404 on GET, absent from its list); answering that offer again is a 409 that says why.'

export const leads = defineContracts('leads', {
  share: {
    method: 'POST',
    path: '/leads',
    summary: 'Share a lead: it is offered to one eligible partner at a time',
    description:
      'Eligible partners are active, in one of the lead’s categories and serve its region (a partner serving `US` serves `US-CA`). ' +
      'Strategic partners come first, then preferred, then standard; within a tier the partner offered a lead longest ago goes first. ' +
      '`offerTo` names the partner instead: it must still be eligible (422 otherwise). ' +
      `The partner has \`slaHours\` (default ${LEAD_LIMITS.defaultSlaHours}, ${LEAD_LIMITS.minSlaHours}-${LEAD_LIMITS.maxSlaHours}) to accept or decline; ` +
      'when nobody is eligible the lead is `unassigned`. A homeowner already in an open lead or referral (same e-mail, phone or address) is refused with 422 naming the fields. ' +
      CONTACT_RULE,
    access: access.staff,
    body: LeadInput,
    response: async () => (await views()).LeadView,
    status: 201,
    idempotent: true,
    errors: [409, 422],
  },
  reoffer: {
    method: 'POST',
    path: '/leads/{id}/offer',
    summary: 'Offer an unassigned lead again (to a named partner, or to whoever is eligible now)',
    access: access.staff,
    params: IdParam,
    body: StaffOfferInput,
    response: async () => (await views()).LeadView,
    errors: [409, 422],
  },
  review: {
    method: 'GET',
    path: '/review/leads',
    summary: 'Every lead, newest first (filters: status, partner holding it, region or country)',
    access: access.staff,
    query: StaffLeadQuery,
    response: async () => (await views()).LeadPage,
  },
  detail: {
    method: 'GET',
    path: '/review/leads/{id}',
    summary: 'A lead with its contact, offer history and pipeline',
    access: access.staff,
    params: IdParam,
    response: async () => (await views()).LeadView,
  },
  list: {
    method: 'GET',
    path: '/partners/{partnerId}/leads',
    summary: 'The partner’s open offers and accepted leads, newest first (never a contact)',
    description: GONE_RULE,
    access: access.member(),
    params: PartnerParam,
    query: PartnerLeadQuery,
    response: async () => (await views()).LeadPage,
  },
  get: {
    method: 'GET',
    path: '/partners/{partnerId}/leads/{id}',
    summary: 'An offer or an accepted lead; the contact only once the partner accepted it',
    description: `${CONTACT_RULE} ${GONE_RULE}`,
    access: access.member(),
    params: PartnerLeadParam,
    response: async () => (await views()).LeadView,
  },
  accept: {
    method: 'POST',
    path: '/partners/{partnerId}/leads/{id}/accept',
    summary: 'Accept an offer before it lapses: the lead and its contact become the partner’s',
    description: `Conditional on the offer being open, to this partner, and not lapsed: of an accept and the expiry job only one wins. ${GONE_RULE}`,
    access: access.partnerOnly(),
    params: PartnerLeadParam,
    response: async () => (await views()).LeadView,
    errors: [409],
  },
  decline: {
    method: 'POST',
    path: '/partners/{partnerId}/leads/{id}/decline',
    summary: 'Decline an offer with a reason: the lead moves to the next eligible partner',
    access: access.partnerOnly(),
    params: PartnerLeadParam,
    body: DeclineInput,
    response: async () => (await views()).LeadView,
    errors: [409],
  },
  advance: {
    method: 'PATCH',
    path: '/partners/{partnerId}/leads/{id}',
    summary: 'Move an accepted lead along the pipeline: accepted, contacted, quoted, won (or lost)',
    description:
      'One step at a time (409 naming the current status otherwise); `lost` may end the lead at any step before it is won. ' +
      '`valueCents` is required on quoted and won, `reason` on lost (422).',
    access: access.partnerOnly(),
    params: PartnerLeadParam,
    body: PipelineInput,
    response: async () => (await views()).LeadView,
    ifMatch: true,
    errors: [409, 422],
  },
  refer: {
    method: 'POST',
    path: '/partners/{partnerId}/referrals',
    summary: 'Refer a homeowner project to HomeAIQ',
    description:
      'Contacts are normalized (e-mail case and spaces; phone to +country digits; address case, punctuation and abbreviations). ' +
      'A referral matching an open lead or referral on e-mail, phone or address is created as a `conflict` for staff and answers `conflict: {leadId, matchedOn}`. ' +
      'The referrer never sees the contact back.',
    access: access.partnerOnly(),
    params: PartnerParam,
    body: ReferralInput,
    response: async () => (await views()).ReferralView,
    status: 201,
    idempotent: true,
  },
  referrals: {
    method: 'GET',
    path: '/partners/{partnerId}/referrals',
    summary: 'The partner’s referrals, newest first',
    access: access.member(),
    params: PartnerParam,
    query: ReferralQuery,
    response: async () => (await views()).ReferralPage,
  },
  referralQueue: {
    method: 'GET',
    path: '/review/referrals',
    summary: 'Referrals across partners, newest first (status `pending` or `conflict` for the queue)',
    access: access.staff,
    query: ReferralQuery,
    response: async () => (await views()).ReferralPage,
  },
  referral: {
    method: 'GET',
    path: '/review/referrals/{id}',
    summary: 'A referral with its contact (and its lead, once accepted)',
    access: access.staff,
    params: IdParam,
    response: async () => (await views()).ReferralView,
  },
  decide: {
    method: 'POST',
    path: '/review/referrals/{id}/decision',
    summary: 'Accept a referral (it becomes a lead credited to the referrer) or reject it with a reason',
    description:
      'An accepted referral is offered first to the referrer when it is eligible, then distributed as any lead. The referrer is notified either way.',
    access: access.staff,
    params: IdParam,
    body: ReferralDecisionInput,
    response: async () => (await views()).ReferralView,
    errors: [409, 422],
  },
})
