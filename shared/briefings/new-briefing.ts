import { RuleViolationError } from '../errors'
import type { SignedInActor } from '../roles'
import type { Briefing } from '../schemas/briefing'
import type { BriefingInput, BriefingKind } from '../schemas/briefing-input'
import type { PortalDocument } from '../schemas/document'
import { renderMarkdown } from './markdown'
import { needsSkus, requiresAck } from './vocabulary'

/**
 * Briefings as published and as corrected, their bodies rendered to safe HTML. Apart from the
 * other rules (./rules.ts) because they alone need the Markdown renderer: the audit trail and
 * the EOL job, which only read briefings, do not load it.
 */
export function newBriefing(
  input: BriefingInput,
  ctx: { id: string; partnerId: string; partnerName: string; actor: SignedInActor; now: Date; attachments: PortalDocument[] },
): Briefing {
  assertSkusNamed(input.kind, input.skus)
  const { attachmentDocumentIds: _ids, ...rest } = input
  return {
    ...rest,
    id: ctx.id,
    partnerId: ctx.partnerId,
    partnerName: ctx.partnerName,
    bodyHtml: renderMarkdown(input.body),
    attachments: attachmentsOf(ctx.attachments),
    requiresAck: requiresAck(input.kind),
    acknowledgements: [],
    ackedBy: [],
    publishedAt: ctx.now.toISOString(),
    publishedBy: ctx.actor.email,
    publishedByRole: ctx.actor.role,
    version: 1,
    revisions: [],
  }
}

export function assertSkusNamed(kind: BriefingKind, skus: string[]) {
  if (needsSkus(kind) && skus.length === 0) {
    throw new RuleViolationError(`A ${kind} briefing must name the affected SKUs.`, [
      { field: 'skus', message: 'List at least one affected SKU.' },
    ])
  }
}

export const attachmentsOf = (documents: PortalDocument[]): Briefing['attachments'] =>
  documents.map((d) => ({ documentId: d.id, filename: d.filename, contentType: d.contentType, size: d.size }))
