import { RuleViolationError } from '../errors'
import type { SignedInActor } from '../roles'
import type { Briefing, BriefingInput } from '../schemas/briefing'
import type { PortalDocument } from '../schemas/document'
import { renderMarkdown } from './markdown'
import { needsSkus, requiresAck } from './vocabulary'

/**
 * A briefing as published, its body rendered to safe HTML. Apart from the other rules
 * (./rules.ts) because it alone needs the Markdown renderer: the audit trail and the EOL job,
 * which only read briefings, do not load it.
 */
export function newBriefing(
  input: BriefingInput,
  ctx: { id: string; partnerId: string; partnerName: string; actor: SignedInActor; now: Date; attachments: PortalDocument[] },
): Briefing {
  if (needsSkus(input.kind) && input.skus.length === 0) {
    throw new RuleViolationError(`A ${input.kind} briefing must name the affected SKUs.`, [
      { field: 'skus', message: 'List at least one affected SKU.' },
    ])
  }
  const { attachmentDocumentIds: _ids, ...rest } = input
  return {
    ...rest,
    id: ctx.id,
    partnerId: ctx.partnerId,
    partnerName: ctx.partnerName,
    bodyHtml: renderMarkdown(input.body),
    attachments: ctx.attachments.map((d) => ({ documentId: d.id, filename: d.filename, contentType: d.contentType })),
    requiresAck: requiresAck(input.kind),
    acknowledgements: [],
    ackedBy: [],
    publishedAt: ctx.now.toISOString(),
    publishedBy: ctx.actor.email,
    publishedByRole: ctx.actor.role,
  }
}
