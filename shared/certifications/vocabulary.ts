/** The certification program's words, limits and small rules, as plain values the browser loads without any schema library. */

/** Integration certifications (strategy 6.1) and installer certification (7.2). */
export const PROGRAM_TRACKS = ['integration', 'installation'] as const
export type ProgramTrack = (typeof PROGRAM_TRACKS)[number]
export const TRACK_LABELS: Record<ProgramTrack, string> = {
  integration: 'Integration',
  installation: 'Installation',
}

/** 6.1: basic certification process, structured testing program, comprehensive testing program. */
export const PROGRAM_LEVELS = ['standard', 'enhanced', 'deep'] as const
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number]
export const LEVEL_LABELS: Record<ProgramLevel, string> = {
  standard: 'Standard',
  enhanced: 'Enhanced',
  deep: 'Deep',
}

/** A program certifies the whole partner, or named SKUs of its catalog. */
export const PROGRAM_SCOPES = ['partner', 'skus'] as const
export type ProgramScope = (typeof PROGRAM_SCOPES)[number]
export const SCOPE_LABELS: Record<ProgramScope, string> = {
  partner: 'The whole partner',
  skus: 'Named products (SKUs)',
}

/** What a partner sends as evidence; a program lists the kinds it requires. */
export const EVIDENCE_KINDS = [
  'integration-test-report',
  'api-documentation',
  'protocol-conformance',
  'firmware-release-notes',
  'support-escalation-plan',
  'joint-test-plan',
  'installation-guide',
  'installer-training-records',
  'quality-assurance-checklist',
  'showcase-installation-report',
] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = {
  'integration-test-report': 'Integration test report',
  'api-documentation': 'API documentation',
  'protocol-conformance': 'Protocol conformance certificates (Matter, Thread, Z-Wave, …)',
  'firmware-release-notes': 'Firmware release notes',
  'support-escalation-plan': 'Support and escalation plan',
  'joint-test-plan': 'Joint test plan with HomeAIQ engineering',
  'installation-guide': 'Installation and implementation guide',
  'installer-training-records': 'Installer training records',
  'quality-assurance-checklist': 'Quality assurance checklist',
  'showcase-installation-report': 'Showcase installation report',
}

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in-review', 'approved', 'rejected', 'changes-requested'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  'in-review': 'In review',
  approved: 'Approved',
  rejected: 'Rejected',
  'changes-requested': 'Changes requested',
}
/** Waiting for HomeAIQ: the review queue shows these by default. */
export const AWAITING_REVIEW: readonly ApplicationStatus[] = ['submitted', 'in-review']
/** An application in one of these blocks another for the same program (one open application per partner and program). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'in-review', 'changes-requested']

export const DECISIONS = ['approve', 'reject', 'request-changes'] as const
export type Decision = (typeof DECISIONS)[number]
export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'Approve and issue the badge',
  reject: 'Reject',
  'request-changes': 'Request changes',
}
/** Staff explain a rejection or a request for changes; the partner reads it. */
export const reasonRequired = (decision: Decision) => decision !== 'approve'
export const REASON_PROMPTS: Record<Exclude<Decision, 'approve'>, string> = {
  reject: 'Enter a reason for the rejection.',
  'request-changes': 'Say what the partner should change.',
}

export const BADGE_STATUSES = ['active', 'expired', 'revoked'] as const
export type BadgeStatus = (typeof BADGE_STATUSES)[number]
export const BADGE_STATUS_LABELS: Record<BadgeStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
}

/** Reminders before a badge expires, in days. */
export const EXPIRY_REMINDER_DAYS = [60, 30, 7] as const

export const CERTIFICATION_LIMITS = {
  nameMax: 100,
  descriptionMax: 2000,
  requirementsMax: 20,
  requirementMax: 300,
  validityMonthsMax: 60,
  notesMax: 4000,
  reasonMax: 2000,
  evidenceMax: 20,
  skusMax: 100,
} as const

/** Badge pages and embeds are cached at most this long, so a revocation shows within minutes. */
export const BADGE_CACHE_SECONDS = 300
