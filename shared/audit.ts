import type { Actor } from './roles'

/** One immutable record of a state change: who, when, what, before and after. */
export interface AuditEntry {
  id: string
  at: string
  partnerId: string
  entity: { type: string; id: string }
  action: string
  actor: { userId: string; email: string; role: string }
  before: unknown
  after: unknown
}

export function auditEntry(input: {
  id: string
  now: Date
  actor: Actor
  partnerId: string
  entity: { type: string; id: string }
  action: string
  before: unknown
  after: unknown
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
  }
}
