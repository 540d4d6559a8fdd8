import * as z from 'zod'
import {
  APPLICATION_STATUSES,
  BADGE_STATUSES,
  CERTIFICATION_LIMITS as L,
  DECISIONS,
  EVIDENCE_KINDS,
  PROGRAM_LEVELS,
  PROGRAM_SCOPES,
  PROGRAM_TRACKS,
  REASON_PROMPTS,
  reasonRequired,
} from '../certifications/vocabulary'
import { ROLES } from '../roles'
import { Cursor, IsoDateTime, Limit, Slug, Ulid, listOf } from './common'
import { Sku } from './product'

const unique = <T extends z.ZodType>(item: T, max: number, message: string) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, message)

/* ---------- programs ---------- */

export const ProgramFields = z.strictObject({
  name: z.string().trim().min(3, 'Enter a name of at least 3 characters.').max(L.nameMax),
  track: z.enum(PROGRAM_TRACKS),
  level: z.enum(PROGRAM_LEVELS),
  description: z.string().trim().min(1, 'Describe the program.').max(L.descriptionMax),
  /** the checklist a partner works through */
  requirements: unique(z.string().trim().min(3).max(L.requirementMax), L.requirementsMax, 'List each requirement once.').min(
    1,
    'List at least one requirement.',
  ),
  evidenceKinds: unique(z.enum(EVIDENCE_KINDS), EVIDENCE_KINDS.length, 'List each evidence kind once.').min(
    1,
    'Name at least one kind of evidence.',
  ),
  validityMonths: z.number().int('Use whole months.').min(1).max(L.validityMonthsMax),
  scope: z.enum(PROGRAM_SCOPES),
})
export type ProgramFields = z.infer<typeof ProgramFields>

export const ProgramCreate = ProgramFields.extend({ id: Slug })
export type ProgramCreate = z.infer<typeof ProgramCreate>

export const Program = ProgramFields.extend({
  id: Slug,
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Program = z.infer<typeof Program>
export const ProgramPage = listOf(Program)

/* ---------- applications ---------- */

const EvidenceIds = unique(Ulid, L.evidenceMax, 'Attach each document once.').default([])
const Notes = z.string().trim().max(L.notesMax).default('')
const Skus = unique(Sku, L.skusMax, 'List each SKU once.').default([])

/** POST .../certifications: applying submits at once unless the partner saves a draft. */
export const ApplicationInput = z.strictObject({
  programId: Slug,
  evidenceDocumentIds: EvidenceIds,
  notes: Notes,
  skus: Skus,
  draft: z.boolean().default(false),
})
export type ApplicationInput = z.infer<typeof ApplicationInput>

/** PUT .../certifications/{id}: a draft or an application with changes requested, edited; `submit` sends it. */
export const ApplicationUpdate = z.strictObject({
  evidenceDocumentIds: EvidenceIds,
  notes: Notes,
  skus: Skus,
  submit: z.boolean().default(true),
})
export type ApplicationUpdate = z.infer<typeof ApplicationUpdate>

export const ApplicationStatus = z.enum(APPLICATION_STATUSES)

export const Evidence = z.object({
  documentId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
})
export type Evidence = z.infer<typeof Evidence>

/** One step of the status timeline. */
export const HistoryEntry = z.object({
  status: ApplicationStatus,
  at: IsoDateTime,
  by: z.string(),
  byRole: z.enum([...ROLES, 'system']),
  reason: z.string().optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const Application = z.object({
  id: z.string(),
  partnerId: Slug,
  partnerName: z.string(),
  programId: Slug,
  programName: z.string(),
  status: ApplicationStatus,
  evidence: z.array(Evidence),
  notes: z.string(),
  skus: z.array(z.string()),
  history: z.array(HistoryEntry),
  /** when it last entered the queue (first submission or resubmission) */
  submittedAt: IsoDateTime.optional(),
  decidedAt: IsoDateTime.optional(),
  /** why it was rejected or what should change */
  decisionReason: z.string().optional(),
  /** the badge an approval issued or renewed */
  badgeId: z.string().optional(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Application = z.infer<typeof Application>
export const ApplicationPage = listOf(Application)

export const PartnerApplicationQuery = z.strictObject({ status: ApplicationStatus.optional(), limit: Limit, cursor: Cursor })
export type PartnerApplicationQuery = z.infer<typeof PartnerApplicationQuery>

export const ReviewQueueQuery = z.strictObject({
  /** default: awaiting review (submitted and in review) */
  status: ApplicationStatus.optional(),
  programId: Slug.optional(),
  partnerId: Slug.optional(),
  limit: Limit,
  cursor: Cursor,
})
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>

export const DecisionInput = z
  .strictObject({
    decision: z.enum(DECISIONS),
    reason: z.string().trim().max(L.reasonMax).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision !== 'approve' && reasonRequired(d.decision) && !d.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: REASON_PROMPTS[d.decision] })
    }
  })
export type DecisionInput = z.infer<typeof DecisionInput>

/* ---------- badges ---------- */

/** 128 random bits, base64url: unguessable, and never a ULID (which would leak issue times and be enumerable). */
export const BadgeId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Not a badge id.')

export const BadgeStatus = z.enum(BADGE_STATUSES)

export const Badge = z.object({
  id: BadgeId,
  partnerId: Slug,
  partnerName: z.string(),
  programId: Slug,
  programName: z.string(),
  status: BadgeStatus,
  issuedAt: IsoDateTime,
  expiresAt: IsoDateTime,
  /** a program of named products: the certified SKUs */
  skus: z.array(z.string()),
  /** the application that issued it or last renewed it */
  applicationId: z.string(),
  renewedAt: IsoDateTime.optional(),
  expiredAt: IsoDateTime.optional(),
  revokedAt: IsoDateTime.optional(),
  revocationReason: z.string().optional(),
  /** staff only */
  revokedBy: z.string().optional(),
  /** its position in the revocation status list (W3C Bitstring Status List) */
  statusListIndex: z.number().int().min(0),
  version: z.number().int(),
})
export type Badge = z.infer<typeof Badge>
export const BadgePage = listOf(Badge)

/** What anyone may read of a badge, without signing in. */
export const PublicBadge = Badge.pick({
  id: true,
  partnerId: true,
  partnerName: true,
  programId: true,
  programName: true,
  status: true,
  issuedAt: true,
  expiresAt: true,
  skus: true,
  revokedAt: true,
  revocationReason: true,
}).extend({ verificationUrl: z.string(), imageUrl: z.string(), credentialUrl: z.string() })
export type PublicBadge = z.infer<typeof PublicBadge>

export const RevokeInput = z.strictObject({
  reason: z.string().trim().min(1, 'Enter a reason for the revocation.').max(L.reasonMax),
})

/** A decision answers the application and, on approval, the badge it issued or renewed. */
export const DecisionResult = z.object({ application: Application, badge: Badge.optional() })
