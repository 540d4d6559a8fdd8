import * as z from 'zod/mini'
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
import { Sku } from './vocabulary'

const unique = <T extends z.ZodMiniType>(item: T, max: number, message: string) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((list) => new Set(list).size === list.length, message),
  )

/* ---------- programs ---------- */

export const ProgramFields = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(3, 'Enter a name of at least 3 characters.'), z.maxLength(L.nameMax)),
  track: z.enum(PROGRAM_TRACKS),
  level: z.enum(PROGRAM_LEVELS),
  description: z.string().check(z.trim(), z.minLength(1, 'Describe the program.'), z.maxLength(L.descriptionMax)),
  /** the checklist a partner works through */
  requirements: unique(
    z.string().check(z.trim(), z.minLength(3), z.maxLength(L.requirementMax)),
    L.requirementsMax,
    'List each requirement once.',
  ).check(z.minLength(1, 'List at least one requirement.')),
  evidenceKinds: unique(z.enum(EVIDENCE_KINDS), EVIDENCE_KINDS.length, 'List each evidence kind once.').check(
    z.minLength(1, 'Name at least one kind of evidence.'),
  ),
  validityMonths: z.number().check(z.int('Use whole months.'), z.minimum(1), z.maximum(L.validityMonthsMax)),
  scope: z.enum(PROGRAM_SCOPES),
})
export type ProgramFields = z.infer<typeof ProgramFields>

export const ProgramCreate = z.extend(ProgramFields, { id: Slug })
export type ProgramCreate = z.infer<typeof ProgramCreate>

export const Program = z.extend(ProgramFields, {
  id: Slug,
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Program = z.infer<typeof Program>
export const ProgramPage = listOf(Program)

/* ---------- applications ---------- */

const EvidenceIds = z._default(unique(Ulid, L.evidenceMax, 'Attach each document once.'), [])
const Notes = z._default(z.string().check(z.trim(), z.maxLength(L.notesMax)), '')
const Skus = z._default(unique(Sku, L.skusMax, 'List each SKU once.'), [])

/** POST .../certifications: applying submits at once unless the partner saves a draft. */
export const ApplicationInput = z.strictObject({
  programId: Slug,
  evidenceDocumentIds: EvidenceIds,
  notes: Notes,
  skus: Skus,
  draft: z._default(z.boolean(), false),
})
export type ApplicationInput = z.infer<typeof ApplicationInput>

/** PUT .../certifications/{id}: a draft or an application with changes requested, edited; `submit` sends it. */
export const ApplicationUpdate = z.strictObject({
  evidenceDocumentIds: EvidenceIds,
  notes: Notes,
  skus: Skus,
  submit: z._default(z.boolean(), true),
})
export type ApplicationUpdate = z.infer<typeof ApplicationUpdate>

export const ApplicationStatus = z.enum(APPLICATION_STATUSES)

export const Evidence = z.object({
  documentId: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.int(),
})
export type Evidence = z.infer<typeof Evidence>

/** One step of the status timeline. */
export const HistoryEntry = z.object({
  status: ApplicationStatus,
  at: IsoDateTime,
  by: z.string(),
  byRole: z.enum([...ROLES, 'system']),
  reason: z.optional(z.string()),
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
  submittedAt: z.optional(IsoDateTime),
  decidedAt: z.optional(IsoDateTime),
  /** why it was rejected or what should change */
  decisionReason: z.optional(z.string()),
  /** the badge an approval issued or renewed */
  badgeId: z.optional(z.string()),
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Application = z.infer<typeof Application>
export const ApplicationPage = listOf(Application)

export const PartnerApplicationQuery = z.strictObject({ status: z.optional(ApplicationStatus), limit: Limit, cursor: Cursor })
export type PartnerApplicationQuery = z.infer<typeof PartnerApplicationQuery>

export const ReviewQueueQuery = z.strictObject({
  /** default: awaiting review (submitted and in review) */
  status: z.optional(ApplicationStatus),
  programId: z.optional(Slug),
  partnerId: z.optional(Slug),
  limit: Limit,
  cursor: Cursor,
})
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuery>

export const DecisionInput = z
  .strictObject({
    decision: z.enum(DECISIONS),
    reason: z.optional(z.string().check(z.trim(), z.maxLength(L.reasonMax))),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.decision !== 'approve' && reasonRequired(d.decision) && !d.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: REASON_PROMPTS[d.decision] })
      }
    }),
  )
export type DecisionInput = z.infer<typeof DecisionInput>

/* ---------- badges ---------- */

/** 128 random bits, base64url: unguessable, and never a ULID (which would leak issue times and be enumerable). */
export const BadgeId = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Not a badge id.'))

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
  renewedAt: z.optional(IsoDateTime),
  expiredAt: z.optional(IsoDateTime),
  revokedAt: z.optional(IsoDateTime),
  revocationReason: z.optional(z.string()),
  /** staff only */
  revokedBy: z.optional(z.string()),
  /** its position in the revocation status list (W3C Bitstring Status List) */
  statusListIndex: z.int().check(z.minimum(0)),
  version: z.int(),
})
export type Badge = z.infer<typeof Badge>
export const BadgePage = listOf(Badge)

/** What anyone may read of a badge, without signing in. */
export const PublicBadge = z.extend(
  z.pick(Badge, {
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
  }),
  { verificationUrl: z.string(), imageUrl: z.string(), credentialUrl: z.string() },
)
export type PublicBadge = z.infer<typeof PublicBadge>

export const RevokeInput = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1, 'Enter a reason for the revocation.'), z.maxLength(L.reasonMax)),
})

/** A decision answers the application and, on approval, the badge it issued or renewed. */
export const DecisionResult = z.object({ application: Application, badge: z.optional(Badge) })
