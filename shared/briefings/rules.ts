import { RuleViolationError } from '../errors'
import type { SignedInActor } from '../roles'
import type { Briefing, BriefingInput } from '../schemas/briefing'
import type { PortalDocument } from '../schemas/document'
import { renderMarkdown } from './markdown'
import { needsSkus, requiresAck } from './vocabulary'

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

export const isFlagged = (b: Pick<Briefing, 'requiresAck' | 'acknowledgements'>) =>
  b.requiresAck && b.acknowledgements.length === 0

/** An end-of-life briefing whose effective date has come and whose products are not yet discontinued. */
export const eolDue = (b: Pick<Briefing, 'kind' | 'effectiveDate' | 'eolAppliedAt'>, today: string) =>
  b.kind === 'end-of-life' && !b.eolAppliedAt && b.effectiveDate <= today

export const isoDay = (d: Date) => d.toISOString().slice(0, 10)
