import * as z from 'zod/mini'
import { AuditFilterQuery, AuditPage, EntityAuditQuery } from '../schemas/audit'
import { Slug } from '../schemas/common'
import { access, defineContracts } from './contract'

export const audit = defineContracts('audit', {
  partner: {
    method: 'GET',
    path: '/partners/{partnerId}/audit',
    summary: 'The partner’s audit trail, newest first',
    description:
      'Each entry shows what the entity’s own GET shows this reader; partners see HomeAIQ staff as "HomeAIQ". ' +
      'Filters: type (entity type), action (exact, or its start ending in a dot), actor (e-mail; partners find their own team’s entries, never a staff member’s).',
    access: access.member(),
    params: z.strictObject({ partnerId: Slug }),
    query: AuditFilterQuery,
    response: AuditPage,
  },
  entity: {
    method: 'GET',
    path: '/audit',
    summary: 'One entity’s audit trail (entity=<type>:<id>), newest first',
    access: access.staff,
    query: EntityAuditQuery,
    response: AuditPage,
  },
})
