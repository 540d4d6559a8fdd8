import { redactBriefing } from '../briefings/view'
import { leadView, referralView } from '../leads/view'
import { redactClaim, redactFund } from '../mdf/view'
import { redactApplication, redactBadge } from '../certifications/view'
import { redactPartner } from '../partners/view'
import { HOMEAIQ_ACTOR, type Actor } from '../roles'
import { redactDocument } from '../uploads/view'
import type { AuditEntityType, AuditEntry } from './entry'

type Snapshot = Record<string, unknown>

/**
 * For each entity type, the view its own GET applies for a reader, applied to the entry's
 * before/after, so the audit trail never shows what the entity's GET hides. Every entity type
 * must have one (a new type without a view does not compile).
 */
const SNAPSHOT_VIEWS: Record<AuditEntityType, (snapshot: Snapshot, reader: Actor) => unknown> = {
  partner: redactPartner,
  product: (snapshot) => snapshot,
  briefing: redactBriefing,
  document: redactDocument,
  // a partner's own team: its admins and HomeAIQ see the same membership record
  user: (snapshot) => snapshot,
  lead: leadView,
  referral: referralView,
  // scorecards are written to the program's own trail (PROGRAM_AUDIT), which only staff read
  scorecard: (snapshot, reader) => (reader.kind === 'staff' ? snapshot : null),
  'mdf-fund': redactFund,
  'mdf-claim': redactClaim,
  'certification-program': (snapshot) => snapshot,
  'certification-application': redactApplication,
  badge: redactBadge,
}

const snapshotFor = (type: AuditEntityType, value: unknown, reader: Actor) =>
  value && typeof value === 'object' ? SNAPSHOT_VIEWS[type](value as Snapshot, reader) : value

/** An audit entry as `reader` may see it: redacted snapshots, staff shown to partners as "HomeAIQ". */
export function auditView(entry: AuditEntry, reader: Actor): AuditEntry {
  const type = entry.entity.type
  return {
    ...entry,
    actor: entry.actor.role === 'staff' && reader.kind !== 'staff' ? { ...HOMEAIQ_ACTOR, role: 'staff' } : entry.actor,
    before: snapshotFor(type, entry.before, reader),
    after: snapshotFor(type, entry.after, reader),
  }
}
