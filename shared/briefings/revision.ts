import { RuleViolationError, type FieldIssue } from '../errors'
import type { SignedInActor } from '../roles'
import type { Briefing } from '../schemas/briefing'
import type { BriefingRevisionInput } from '../schemas/briefing-input'
import type { PortalDocument } from '../schemas/document'
import { renderMarkdown } from './markdown'
import { assertSkusNamed, attachmentsOf } from './new-briefing'

export interface Revised {
  briefing: Briefing
  /** it was acknowledged and now waits for acknowledgement again: it goes back on the flagged counts */
  reflagged: boolean
}

/**
 * A briefing corrected after publishing: the next version, with the note in its history. A
 * correction of a notice HomeAIQ must acknowledge sets the acknowledgements aside (they were
 * given to what it said before); the products an applied end-of-life notice discontinued and
 * its date stay as they are.
 */
export function reviseBriefing(
  current: Briefing,
  input: BriefingRevisionInput,
  ctx: { actor: SignedInActor; now: Date; attachments: PortalDocument[] },
): Revised {
  assertSkusNamed(current.kind, input.skus)
  const { note, attachmentDocumentIds: _ids, ...fields } = input
  const attachments = attachmentsOf(ctx.attachments)
  const sameSkus = sameSet(fields.skus, current.skus)
  const changed =
    fields.title !== current.title ||
    fields.body !== current.body ||
    fields.effectiveDate !== current.effectiveDate ||
    !sameSkus ||
    !sameSet(
      attachments.map((a) => a.documentId),
      current.attachments.map((a) => a.documentId),
    )
  if (!changed) {
    throw new RuleViolationError('This correction changes nothing.', [
      { field: 'body', message: 'Change the title, text, date, SKUs or attachments to publish a correction.' },
    ])
  }
  if (current.eolAppliedAt) {
    const applied = current.eolAppliedAt.slice(0, 10)
    const errors: FieldIssue[] = []
    if (!sameSkus)
      errors.push({
        field: 'skus',
        message: `These products were marked discontinued on ${applied}: publish a new end-of-life briefing for others.`,
      })
    if (fields.effectiveDate !== current.effectiveDate) {
      errors.push({
        field: 'effectiveDate',
        message: `The products were marked discontinued on ${applied}: the date can no longer change.`,
      })
    }
    if (errors.length) throw new RuleViolationError('An applied end-of-life briefing keeps its products and date.', errors)
  }
  const version = current.version + 1
  const cleared = current.requiresAck ? current.acknowledgements.length : 0
  const briefing: Briefing = {
    ...current,
    ...fields,
    bodyHtml: renderMarkdown(fields.body),
    attachments,
    ...(current.requiresAck ? { acknowledgements: [], ackedBy: [] } : {}),
    version,
    revisions: [
      ...current.revisions,
      { version, note, at: ctx.now.toISOString(), by: ctx.actor.email, byRole: ctx.actor.role, acknowledgementsCleared: cleared },
    ],
  }
  return { briefing, reflagged: cleared > 0 }
}

/** What a correction changed, as its audit entry shows it before and after. */
export function revisionChange(before: Briefing, after: Briefing) {
  const part = (b: Briefing) => ({
    title: b.title,
    body: b.body,
    effectiveDate: b.effectiveDate,
    skus: b.skus,
    attachments: b.attachments,
    acknowledgements: b.acknowledgements,
    version: b.version,
  })
  return { before: part(before), after: { ...part(after), revisions: after.revisions.slice(-1) } }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length
