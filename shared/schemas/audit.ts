import * as z from 'zod/mini'
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
  reason: z.optional(z.string()),
})

export const AuditPage = listOf(AuditEntry)
export const AuditPageQuery = z.strictObject({ limit: Limit, cursor: Cursor })

/** A partner's trail, narrowed: entity type, action (or its start, e.g. `partner.`), the actor's e-mail. */
export const AuditFilterQuery = z.extend(AuditPageQuery, {
  type: z.optional(z.enum(AUDIT_ENTITY_TYPES, { error: `The type is one of ${AUDIT_ENTITY_TYPES.join(', ')}.` })),
  action: z.optional(
    z
      .string()
      .check(z.trim(), z.regex(/^[a-z.*-]{1,60}$/, 'Use an action such as partner.updated, or its start such as partner.')),
  ),
  actor: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254))),
})
export type AuditFilterQuery = z.infer<typeof AuditFilterQuery>

/** `?entity=<type>:<id>`, e.g. `partner:lutron` or `product:lutron/RRD-6NA` */
export const EntityAuditQuery = z.extend(AuditPageQuery, {
  entity: z.pipe(
    z.pipe(
      z.string().check(z.regex(/^[a-z-]+:[A-Za-z0-9._/-]{1,100}$/, 'Use <type>:<id>, e.g. partner:lutron.')),
      z.transform((e) => {
        const [type, ...rest] = e.split(':')
        return { type: type!, id: rest.join(':') }
      }),
    ),
    z.object({
      type: z.enum(AUDIT_ENTITY_TYPES, { error: `The type is one of ${AUDIT_ENTITY_TYPES.join(', ')}.` }),
      id: z.string(),
    }),
  ),
})
