/**
 * The notification outbox: a change that someone must hear about writes one outbox message in
 * the same transaction as the change (so a message exists exactly when the change does). A
 * dispatcher delivers each message to its audience's users: in-app, and by e-mail unless a
 * user opted out of its kind. Producers write for their audience only what that audience may
 * see (a lead's contact never goes into an offer, a fund's internal notes never to a partner).
 */
export const NOTIFICATION_KINDS = [
  'briefing-needs-ack',
  'certification-decided',
  'badge-expiring',
  'badge-revoked',
  'mdf-claim-submitted',
  'mdf-claim-decided',
  'mdf-claim-paid',
  'mdf-fund-closing',
  'lead-offered',
  'lead-lapsing',
  'referral-decided',
  'lead-unassigned',
  'terms-changed',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  'briefing-needs-ack': 'Safety and end-of-life briefings to acknowledge',
  'certification-decided': 'Certification decisions',
  'badge-expiring': 'Badges about to expire',
  'badge-revoked': 'Badges revoked',
  'mdf-claim-submitted': 'MDF claims waiting for your decision',
  'mdf-claim-decided': 'MDF claim decisions',
  'mdf-claim-paid': 'MDF claim payments',
  'mdf-fund-closing': 'MDF funds closing with an unclaimed balance',
  'lead-offered': 'Leads offered to you',
  'lead-lapsing': 'Lead offers about to lapse',
  'referral-decided': 'Decisions on your referrals',
  'lead-unassigned': 'Leads no partner could take',
  'terms-changed': 'Changes to your tier or commercial terms',
}

/** Kinds nobody may opt out of: they concern safety or the partnership's terms. */
export const MANDATORY_KINDS: readonly NotificationKind[] = ['briefing-needs-ack', 'terms-changed']

/** Who a message is for. */
export type Audience =
  | { kind: 'partner'; partnerId: string; roles: readonly ('partner-admin' | 'partner-rep')[] }
  | { kind: 'staff' }
  | { kind: 'user'; userId: string }

export interface OutboxMessage {
  id: string
  kind: NotificationKind
  audience: Audience
  /** the partner the message is about, if any */
  partnerId?: string
  title: string
  body: string
  /** a path in the portal where the reader acts on it, e.g. `/workspace/mdf` */
  link?: string
  createdAt: string
}

export function outboxMessage(input: Omit<OutboxMessage, 'createdAt'> & { now: Date }): OutboxMessage {
  const { now, ...message } = input
  return { ...message, createdAt: now.toISOString() }
}

/** Every user of a partner, admins and reps. */
export const partnerUsers = (partnerId: string): Audience => ({
  kind: 'partner',
  partnerId,
  roles: ['partner-admin', 'partner-rep'],
})
export const partnerAdmins = (partnerId: string): Audience => ({ kind: 'partner', partnerId, roles: ['partner-admin'] })
export const staffAudience: Audience = { kind: 'staff' }
