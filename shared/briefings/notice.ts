import type { Briefing } from '../schemas/briefing'
import { outboxMessage, staffAudience, type OutboxMessage } from '../notifications/outbox'
import { KIND_LABELS } from './vocabulary'

/**
 * What tells HomeAIQ staff that a published or corrected briefing waits for their acknowledgement
 * (none when it needs none); a correction's notice carries its note.
 */
export function ackNotice(briefing: Briefing, ctx: { id: string; now: Date }): OutboxMessage | undefined {
  if (!briefing.requiresAck) return undefined
  const correction = briefing.revisions.at(-1)
  const kind = KIND_LABELS[briefing.kind].toLowerCase()
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'briefing-needs-ack',
    audience: staffAudience,
    partnerId: briefing.partnerId,
    title: correction
      ? `${briefing.partnerName}: corrected ${kind} to acknowledge${correction.acknowledgementsCleared ? ' again' : ''}`
      : `${briefing.partnerName}: ${kind} to acknowledge`,
    body: correction ? `${briefing.title} — ${correction.note}` : briefing.title,
    link: `/staff/briefings?partnerId=${briefing.partnerId}`,
  })
}
