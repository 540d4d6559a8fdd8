import * as z from 'zod'
import { AUDIT_ENTITY_TYPES } from '../audit/entry'
import { Cursor, IsoDateTime, Limit, listOf } from './common'

export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  partnerId: z.string(),
  entity: z.object({ type: z.enum(AUDIT_ENTITY_TYPES), id: z.string() }),
  action: z.string(),
  actor: z.object({ userId: z.string(), email: z.string(), role: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  /** why, when the change needs one (a tier or discount change) */
  reason: z.string().optional(),
})

export const AuditPage = listOf(AuditEntry)
export const AuditPageQuery = z.strictObject({ limit: Limit, cursor: Cursor })

/** A partner's trail, narrowed: entity type, action (or its start, e.g. `partner.`), the actor's e-mail. */
export const AuditFilterQuery = AuditPageQuery.extend({
  type: z.enum(AUDIT_ENTITY_TYPES, { error: `The type is one of ${AUDIT_ENTITY_TYPES.join(', ')}.` }).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z.*-]{1,60}$/, 'Use an action such as partner.updated, or its start such as partner.')
    .optional(),
  actor: z.string().trim().toLowerCase().max(254).optional(),
})
export type AuditFilterQuery = z.infer<typeof AuditFilterQuery>

/** `?entity=<type>:<id>`, e.g. `partner:lutron` or `product:lutron/RRD-6NA` */
export const EntityAuditQuery = AuditPageQuery.extend({
  entity: z
    .string()
    .regex(/^[a-z-]+:[A-Za-z0-9._/-]{1,100}$/, 'Use <type>:<id>, e.g. partner:lutron.')
    .transform((e) => {
      const [type, ...rest] = e.split(':')
      return { type: type!, id: rest.join(':') }
    })
    .pipe(
      z.object({
        type: z.enum(AUDIT_ENTITY_TYPES, { error: `The type is one of ${AUDIT_ENTITY_TYPES.join(', ')}.` }),
        id: z.string(),
      }),
    ),
})
