import { HOMEAIQ_ACTOR, shownEmail, type Actor } from '../roles'
import type { Briefing } from '../schemas/briefing'
import { isFlagged } from './rules'

/**
 * What a reader may see of a briefing (or of a part of one, as an audit entry holds it):
 * partners learn that and when HomeAIQ acknowledged or corrected, not which staff member did.
 */
export function redactBriefing<B extends Partial<Briefing>>(b: B, reader: Actor): B {
  if (reader.kind === 'staff') return b
  return {
    ...b,
    ...(b.acknowledgements ? { acknowledgements: b.acknowledgements.map(({ at }) => ({ ...HOMEAIQ_ACTOR, at })) } : {}),
    ...(b.ackedBy ? { ackedBy: [] } : {}),
    ...(b.publishedBy ? { publishedBy: shownEmail(b.publishedBy, b.publishedByRole, reader) } : {}),
    ...(b.revisions ? { revisions: b.revisions.map((r) => ({ ...r, by: shownEmail(r.by, r.byRole, reader) })) } : {}),
  }
}

/** A briefing as GET answers it: redacted, whether it still needs acknowledgement, and (staff) whether this user gave theirs. */
export const briefingView = (b: Briefing, reader: Actor) => ({
  ...redactBriefing(b, reader),
  flagged: isFlagged(b),
  ...(reader.kind === 'staff' ? { acknowledgedByMe: b.ackedBy.includes(reader.userId) } : {}),
})
