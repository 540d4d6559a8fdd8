import * as z from 'zod/mini'
import { Slug } from '../schemas/common'
import { Scorecard, ScorecardHistoryQuery, ScorecardInput, ScorecardPage } from '../schemas/scorecard'
import { access, defineContracts } from './contract'

/** The answers' schemas, loaded only when asked for (see LoadSchema) */
const views = () => import('../schemas/dashboard')

const PartnerParam = z.strictObject({ partnerId: Slug })

export const program = defineContracts('program', {
  score: {
    method: 'PUT',
    path: '/partners/{partnerId}/scorecard',
    summary: 'Score a partner (strategy 2.2): the weighted score and the tier it recommends',
    description:
      'Each criterion takes its five sub-criterion scores, 1 to 5, in the order of the strategy. The score is ' +
      'sum(weight × mean / 5 × 100) with weights 30/30/20/20 (all fives 100, all ones 20); 80 and over recommends ' +
      'strategic, 60 and over preferred, else standard.',
    access: access.staffOnPartner,
    params: PartnerParam,
    body: ScorecardInput,
    response: Scorecard,
  },
  scorecard: {
    method: 'GET',
    path: '/partners/{partnerId}/scorecard',
    summary: 'The partner’s latest scorecard',
    access: access.staffOnPartner,
    params: PartnerParam,
    response: Scorecard,
  },
  scorecardHistory: {
    method: 'GET',
    path: '/partners/{partnerId}/scorecard/history',
    summary: 'The partner’s scorecards, newest first',
    access: access.staffOnPartner,
    params: PartnerParam,
    query: ScorecardHistoryQuery,
    response: ScorecardPage,
  },
  dashboard: {
    method: 'GET',
    path: '/dashboard',
    summary: 'The program against the strategy’s year-1 targets, and who must act',
    description:
      'Tier distribution against the targets (5-7 / 8-10 / 10-15, 20+ active) with the tiers’ capacity, the average ' +
      'negotiated discount against 30%, MDF by period and partner, certification coverage by tier, lead conversion, ' +
      'catalog freshness, briefings awaiting acknowledgement and scorecard mismatches; from counters kept by each write.',
    access: access.staff,
    response: async () => (await views()).StaffDashboard,
  },
  partnerDashboard: {
    method: 'GET',
    path: '/partners/{partnerId}/dashboard',
    summary: 'The partner’s home: tier and benefits, funds, claims, badges, offers waiting, catalog, briefings',
    description:
      'The negotiated commercial terms are shown to HomeAIQ staff and the partner’s admins only, as in GET /partners/{partnerId}.',
    access: access.member(),
    params: PartnerParam,
    response: async () => (await views()).PartnerDashboard,
  },
})
