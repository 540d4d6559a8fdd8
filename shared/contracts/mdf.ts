import * as z from 'zod/mini'
import { Slug, Ulid } from '../schemas/common'
import {
  ClaimExportQuery,
  ClaimInput,
  ClaimQueueQuery,
  DecisionInput,
  FundAdjust,
  FundOpen,
  LedgerQuery,
  PartnerClaimQuery,
  PaymentInput,
  Period,
} from '../schemas/mdf-input'
import { access, defineContracts } from './contract'

/** The answers' schemas, loaded only when asked for (see LoadSchema) */
const views = () => import('../schemas/mdf')

const PartnerParam = z.strictObject({ partnerId: Slug })
const FundParam = z.strictObject({ partnerId: Slug, period: Period })
const ClaimParam = z.strictObject({ partnerId: Slug, id: Ulid })

const TWO_SIDED =
  'The fund is joint: a claim filed by the partner’s users is decided by HomeAIQ staff, a claim filed by HomeAIQ staff ' +
  'by the partner’s admins. Nobody decides, or records the payment of, a claim their own side filed (403).'

export const mdf = defineContracts('mdf', {
  listFunds: {
    method: 'GET',
    path: '/partners/{partnerId}/mdf/funds',
    summary: 'The partner’s MDF funds, newest period first',
    access: access.member(),
    params: PartnerParam,
    response: async () => (await views()).FundPage,
  },
  openFund: {
    method: 'POST',
    path: '/partners/{partnerId}/mdf/funds',
    summary: 'Open the partner’s fund for a period',
    description:
      'One fund per partner and period (409 otherwise). With `revenueCents` and no `allocatedCents` the allocation is ' +
      'suggested from the tier’s MDF rate (the middle of its range); standard-tier MDF is case by case and needs an allocation.',
    access: access.staffOnPartner,
    params: PartnerParam,
    body: FundOpen,
    response: async () => (await views()).FundView,
    status: 201,
    idempotent: true,
    errors: [409, 422],
  },
  getFund: {
    method: 'GET',
    path: '/partners/{partnerId}/mdf/funds/{period}',
    summary: 'A fund and its balances (ETag: the allocation’s version)',
    description: '`available = allocated - pending - approved - lapsed`; `paid` is the part of `approved` that has been paid.',
    access: access.member(),
    params: FundParam,
    response: async () => (await views()).FundView,
  },
  adjustFund: {
    method: 'PATCH',
    path: '/partners/{partnerId}/mdf/funds/{period}',
    summary: 'Raise or lower a fund’s allocation, never below what claims hold (approved + pending)',
    access: access.staffOnPartner,
    params: FundParam,
    body: FundAdjust,
    response: async () => (await views()).FundView,
    ifMatch: true,
    errors: [409, 422],
  },
  ledger: {
    method: 'GET',
    path: '/partners/{partnerId}/mdf/funds/{period}/ledger',
    summary: 'Every movement of the fund’s money, oldest first: the balances are its sums',
    access: access.member(),
    params: FundParam,
    query: LedgerQuery,
    response: async () => (await views()).LedgerPage,
  },
  listClaims: {
    method: 'GET',
    path: '/partners/{partnerId}/mdf/claims',
    summary: 'The partner’s MDF claims (both sides’), newest first',
    access: access.member(),
    params: PartnerParam,
    query: PartnerClaimQuery,
    response: async () => (await views()).ClaimPage,
  },
  fileClaim: {
    method: 'POST',
    path: '/partners/{partnerId}/mdf/claims',
    summary: 'Claim MDF for a joint-marketing activity, with proof of performance',
    description:
      'The claim reserves its amount in the fund (pending) in the same transaction that files it, so concurrent claims ' +
      'never overspend. Each rule that refuses a claim names its field (422). ' +
      TWO_SIDED,
    access: access.member(),
    params: PartnerParam,
    body: ClaimInput,
    response: async () => (await views()).ClaimView,
    status: 201,
    idempotent: true,
    errors: [409, 422],
  },
  getClaim: {
    method: 'GET',
    path: '/partners/{partnerId}/mdf/claims/{id}',
    summary: 'A claim (ETag)',
    access: access.member(),
    params: ClaimParam,
    response: async () => (await views()).ClaimView,
  },
  resubmitClaim: {
    method: 'PUT',
    path: '/partners/{partnerId}/mdf/claims/{id}',
    summary: 'Edit a claim HomeAIQ or the partner asked about, and submit it again',
    description:
      'Only a claim in `info-requested`, only by the side that filed it. It keeps its reservation; a new amount reserves or releases the difference.',
    access: access.member(),
    params: ClaimParam,
    body: ClaimInput,
    response: async () => (await views()).ClaimView,
    ifMatch: true,
    errors: [409, 422],
  },
  decideClaim: {
    method: 'POST',
    path: '/partners/{partnerId}/mdf/claims/{id}/decision',
    summary: 'Approve (in full or in part), reject, or ask for information',
    description:
      'Only a submitted claim (409 otherwise: concurrent decisions decide once). A partial approval releases the rest; a rejection releases everything. ' +
      TWO_SIDED,
    access: access.member('partner-admin'),
    params: ClaimParam,
    body: DecisionInput,
    response: async () => (await views()).ClaimView,
    errors: [409, 422],
  },
  recordPayment: {
    method: 'POST',
    path: '/partners/{partnerId}/mdf/claims/{id}/payment',
    summary: 'Record that an approved claim was paid (once)',
    description: 'The side that decided the claim pays it and records the payment; a second payment is 409. ' + TWO_SIDED,
    access: access.member('partner-admin'),
    params: ClaimParam,
    body: PaymentInput,
    response: async () => (await views()).ClaimView,
    errors: [409, 422],
  },
  queue: {
    method: 'GET',
    path: '/review/mdf-claims',
    summary: 'Claims across partners in one status (default: submitted), oldest submission first',
    access: access.staff,
    query: ClaimQueueQuery,
    response: async () => (await views()).ClaimPage,
  },
  exportClaims: {
    method: 'GET',
    path: '/review/mdf-claims/export',
    summary: 'A period’s claims across partners as CSV, for finance',
    access: access.staff,
    query: ClaimExportQuery,
    response: { contentType: 'text/csv' },
  },
})
