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
import { Cursor, Limit, Slug, Ulid } from './common'
import { Sku } from './vocabulary'

/**
 * What clients send about certification programs, applications and badges, and the words both
 * sides share: the certifications function builds these at its cold start. The records as
 * stored and answered are in ./certification.ts, which only the OpenAPI document, the badges
 * function and the tests load.
 */

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

export const RevokeInput = z.strictObject({
  reason: z.string().check(z.trim(), z.minLength(1, 'Enter a reason for the revocation.'), z.maxLength(L.reasonMax)),
})
