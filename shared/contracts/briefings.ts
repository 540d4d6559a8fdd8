import * as z from 'zod/mini'
import { BriefingFeedQuery, BriefingInput, BriefingRevisionInput, PartnerBriefingQuery } from '../schemas/briefing-input'
import { Slug, Ulid } from '../schemas/common'
import { access, defineContracts } from './contract'

/** The answers' schemas, loaded only when asked for (see LoadSchema) */
const views = () => import('../schemas/briefing')

const PartnerParam = z.strictObject({ partnerId: Slug })
const BriefingParam = z.strictObject({ partnerId: Slug, id: Ulid })

export const briefings = defineContracts('briefings', {
  list: {
    method: 'GET',
    path: '/partners/{partnerId}/briefings',
    summary: 'A partner’s briefings, newest first',
    access: access.member(),
    params: PartnerParam,
    query: PartnerBriefingQuery,
    response: async () => (await views()).BriefingPage,
  },
  publish: {
    method: 'POST',
    path: '/partners/{partnerId}/briefings',
    summary: 'Publish a product update briefing',
    access: access.member(),
    params: PartnerParam,
    body: BriefingInput,
    response: async () => (await views()).BriefingView,
    status: 201,
    idempotent: true,
    errors: [422],
  },
  get: {
    method: 'GET',
    path: '/partners/{partnerId}/briefings/{id}',
    summary: 'A briefing (ETag: its version)',
    access: access.member(),
    params: BriefingParam,
    response: async () => (await views()).BriefingView,
  },
  revise: {
    method: 'PUT',
    path: '/partners/{partnerId}/briefings/{id}',
    summary:
      'Correct a published briefing: the next version, with a note; a safety or end-of-life notice waits for acknowledgement again',
    access: access.member(),
    params: BriefingParam,
    body: BriefingRevisionInput,
    response: async () => (await views()).BriefingView,
    ifMatch: true,
    errors: [422],
  },
  acknowledge: {
    method: 'POST',
    path: '/partners/{partnerId}/briefings/{id}/ack',
    summary:
      'Acknowledge a briefing (once per staff user; repeating it changes nothing); If-Match, when sent, names the version read',
    access: access.staffOnPartner,
    params: BriefingParam,
    response: async () => (await views()).BriefingView,
    ifMatch: 'optional',
  },
  feed: {
    method: 'GET',
    path: '/review/briefings',
    summary: 'Briefings across partners, newest first',
    access: access.staff,
    query: BriefingFeedQuery,
    response: async () => (await views()).BriefingFeedPage,
  },
})
