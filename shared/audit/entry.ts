import type * as z from 'zod/mini'
import type { Actor } from '../roles'
import type { AuditEntry as AuditEntrySchema } from '../schemas/audit'

/** What an audit entry can be about; each type has its reader view in ./view.ts. */
export const AUDIT_ENTITY_TYPES = [
  'partner',
  'product',
  'briefing',
  'document',
  'user',
  'lead',
  'referral',
  'scorecard',
  'mdf-fund',
  'mdf-claim',
  'certification-program',
  'certification-application',
  'badge',
] as const
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]

/**
 * The trail of the program itself: entries about no partner (a lead nobody could take) and
 * HomeAIQ-internal ones (scorecards). Not a slug, so no partner can ever be given this id and
 * read it; staff read these entries by entity.
 */
export const PROGRAM_AUDIT = '~homeaiq'

/** One immutable record of a state change: who, when, what, before and after. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>

export function auditEntry(input: {
  id: string
  now: Date
  actor: Actor
  partnerId: string
  entity: { type: AuditEntityType; id: string }
  action: string
  before: unknown
  after: unknown
  reason?: string | undefined
}): AuditEntry {
  const { actor } = input
  return {
    id: input.id,
    at: input.now.toISOString(),
    partnerId: input.partnerId,
    entity: input.entity,
    action: input.action,
    actor:
      actor.kind === 'anonymous'
        ? { userId: 'system', email: 'system', role: 'system' }
        : { userId: actor.userId, email: actor.email, role: actor.role },
    before: input.before ?? null,
    after: input.after ?? null,
    ...(input.reason ? { reason: input.reason } : {}),
  }
}
