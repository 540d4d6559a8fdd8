import * as z from 'zod/mini'
import { ROLES } from '../roles'
import { IsoDateTime, Slug, listOf } from './common'
import { ApplicationStatus, BadgeId, BadgeStatus, ProgramFields } from './certification-input'

/**
 * Certification programs, applications and badges as stored and as the API answers them: the
 * response schemas of shared/contracts/certifications.ts, loaded only when asked for, so the
 * certifications function never builds them (see LoadSchema).
 */

/* ---------- programs ---------- */

export const Program = z.extend(ProgramFields, {
  id: Slug,
  version: z.int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
})
export type Program = z.infer<typeof Program>
export const ProgramPage = listOf(Program)

/* ---------- applications ---------- */

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

/* ---------- badges ---------- */

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

/** A decision answers the application and, on approval, the badge it issued or renewed. */
export const DecisionResult = z.object({ application: Application, badge: z.optional(Badge) })
