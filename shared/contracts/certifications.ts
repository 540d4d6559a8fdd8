import * as z from 'zod/mini'
import {
  ApplicationInput,
  ApplicationUpdate,
  BadgeId,
  DecisionInput,
  PartnerApplicationQuery,
  ProgramCreate,
  ProgramFields,
  ReviewQueueQuery,
  RevokeInput,
} from '../schemas/certification-input'
import { Slug, Ulid } from '../schemas/common'
import { access, defineContracts } from './contract'

/** The answers' schemas, loaded only when asked for (see LoadSchema) */
const views = () => import('../schemas/certification')

const PartnerParam = z.strictObject({ partnerId: Slug })
const ApplicationParam = z.strictObject({ partnerId: Slug, id: Ulid })
const ProgramParam = z.strictObject({ programId: Slug })

export const certifications = defineContracts('certifications', {
  programs: {
    method: 'GET',
    path: '/certification-programs',
    summary: 'The certification programs',
    description: 'Public: the directory filters by program, and each badge credential names its program as the achievement.',
    access: access.public,
    response: async () => (await views()).ProgramPage,
  },
  program: {
    method: 'GET',
    path: '/certification-programs/{programId}',
    summary: 'A certification program (ETag): requirements, evidence, validity and scope',
    access: access.public,
    params: ProgramParam,
    response: async () => (await views()).Program,
  },
  createProgram: {
    method: 'POST',
    path: '/certification-programs',
    summary: 'Define a certification program',
    access: access.staff,
    body: ProgramCreate,
    response: async () => (await views()).Program,
    status: 201,
    errors: [409],
  },
  updateProgram: {
    method: 'PUT',
    path: '/certification-programs/{programId}',
    summary: 'Change a certification program (badges already issued keep their dates)',
    access: access.staff,
    params: ProgramParam,
    body: ProgramFields,
    response: async () => (await views()).Program,
    ifMatch: true,
  },
  list: {
    method: 'GET',
    path: '/partners/{partnerId}/certifications',
    summary: 'The partner’s certification applications, newest first',
    access: access.member(),
    params: PartnerParam,
    query: PartnerApplicationQuery,
    response: async () => (await views()).ApplicationPage,
  },
  apply: {
    method: 'POST',
    path: '/partners/{partnerId}/certifications',
    summary: 'Apply for a certification with evidence (submitted at once, or kept as a draft)',
    description:
      'Evidence must be checked (`ready`) certification-evidence uploads of this partner. One open application per program: ' +
      'a second one is refused with 409 until the first is approved or rejected.',
    access: access.partnerOnly(),
    params: PartnerParam,
    body: ApplicationInput,
    response: async () => (await views()).Application,
    status: 201,
    idempotent: true,
    errors: [409, 422],
  },
  get: {
    method: 'GET',
    path: '/partners/{partnerId}/certifications/{id}',
    summary: 'A certification application with its status timeline (ETag)',
    access: access.member(),
    params: ApplicationParam,
    response: async () => (await views()).Application,
  },
  update: {
    method: 'PUT',
    path: '/partners/{partnerId}/certifications/{id}',
    summary: 'Edit a draft or an application with changes requested; `submit` sends it for review',
    access: access.partnerOnly(),
    params: ApplicationParam,
    body: ApplicationUpdate,
    response: async () => (await views()).Application,
    ifMatch: true,
    errors: [409, 422],
  },
  review: {
    method: 'POST',
    path: '/partners/{partnerId}/certifications/{id}/review',
    summary: 'Take a submitted application into review, so the partner sees someone is on it',
    access: access.staffOnPartner,
    params: ApplicationParam,
    response: async () => (await views()).Application,
    errors: [409],
  },
  decide: {
    method: 'POST',
    path: '/partners/{partnerId}/certifications/{id}/decision',
    summary: 'Approve (issues or renews the badge), reject or request changes, with a reason for the last two',
    description:
      'Only HomeAIQ staff decide: a partner never decides its own application. An approval while the partner holds an ' +
      'active badge of the program extends that badge (same id, new expiry).',
    access: access.staffOnPartner,
    params: ApplicationParam,
    body: DecisionInput,
    response: async () => (await views()).DecisionResult,
    errors: [409, 422],
  },
  queue: {
    method: 'GET',
    path: '/review/certifications',
    summary: 'Applications awaiting review, oldest first (filter by status, program, partner)',
    access: access.staff,
    query: ReviewQueueQuery,
    response: async () => (await views()).ApplicationPage,
  },
  badges: {
    method: 'GET',
    path: '/partners/{partnerId}/badges',
    summary: 'The partner’s badges (active, expired and revoked), by program',
    access: access.member(),
    params: PartnerParam,
    response: async () => (await views()).BadgePage,
  },
  revoke: {
    method: 'POST',
    path: '/partners/{partnerId}/badges/{badgeId}/revoke',
    summary: 'Revoke a badge, with the reason its public page shows (409 when it is revoked already)',
    access: access.staffOnPartner,
    params: z.strictObject({ partnerId: Slug, badgeId: BadgeId }),
    body: RevokeInput,
    response: async () => (await views()).Badge,
    errors: [409],
  },
})
