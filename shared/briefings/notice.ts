import type { Briefing } from '../schemas/briefing'
import { outboxMessage, staffAudience, type OutboxMessage } from '../notifications/outbox'
import { KIND_LABELS } from './vocabulary'

/** What tells HomeAIQ staff that a published briefing waits for their acknowledgement (none when it needs none). */
export function ackNotice(briefing: Briefing, ctx: { id: string; now: Date }): OutboxMessage | undefined {
  if (!briefing.requiresAck) return undefined
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'briefing-needs-ack',
    audience: staffAudience,
    partnerId: briefing.partnerId,
    title: `${briefing.partnerName}: ${KIND_LABELS[briefing.kind].toLowerCase()} to acknowledge`,
    body: briefing.title,
    link: `/staff/briefings?partnerId=${briefing.partnerId}`,
  })
}
