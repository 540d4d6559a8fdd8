import * as z from 'zod/mini'
import { Cursor, IsoDate, IsoDateTime, Limit, Slug, listOf } from './common'
import { ROLES } from '../roles'
import { Sku } from './vocabulary'

import { BRIEFING_KINDS, BRIEFING_LIMITS as L } from '../briefings/vocabulary'

export { BRIEFING_KINDS }
export const BriefingKind = z.enum(BRIEFING_KINDS)
export type BriefingKind = z.infer<typeof BriefingKind>

export const BriefingInput = z.strictObject({
  kind: BriefingKind,
  title: z.string().check(z.trim(), z.minLength(L.titleMin), z.maxLength(L.titleMax)),
  /** Markdown; rendered to sanitized HTML on publish */
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(L.bodyMax)),
  skus: z._default(
    z.array(Sku).check(
      z.maxLength(L.skusMax),
      z.refine((s) => new Set(s).size === s.length, 'List each SKU once.'),
    ),
    [],
  ),
  effectiveDate: IsoDate,
  attachmentDocumentIds: z._default(
    z.array(z.string().check(z.maxLength(40))).check(
      z.maxLength(L.attachmentsMax),
      z.refine((s) => new Set(s).size === s.length, 'Attach each document once.'),
    ),
    [],
  ),
})
export type BriefingInput = z.infer<typeof BriefingInput>

/** A correction after publishing: the briefing as it should read (its kind stays), and a note saying what changed. */
export const BriefingRevisionInput = z.extend(z.omit(BriefingInput, { kind: true }), {
  note: z.string().check(z.trim(), z.minLength(L.noteMin), z.maxLength(L.noteMax)),
})
export type BriefingRevisionInput = z.infer<typeof BriefingRevisionInput>

/** `version`: the revision acknowledged (absent on acknowledgements given before corrections existed) */
export const Acknowledgement = z.object({
  userId: z.string(),
  email: z.string(),
  at: IsoDateTime,
  version: z.optional(z.int()),
})

/** One correction: the version it made, its note, who made it and how many acknowledgements it set aside. */
export const BriefingRevision = z.object({
  version: z.int(),
  note: z.string(),
  at: IsoDateTime,
  by: z.string(),
  byRole: z.optional(z.enum(ROLES)),
  acknowledgementsCleared: z.int(),
})
export type BriefingRevision = z.infer<typeof BriefingRevision>

export const Briefing = z.object({
  id: z.string(),
  partnerId: Slug,
  partnerName: z.string(),
  kind: BriefingKind,
  title: z.string(),
  body: z.string(),
  bodyHtml: z.string(),
  skus: z.array(z.string()),
  effectiveDate: IsoDate,
  /** `size` in bytes (absent on briefings published before it was kept) */
  attachments: z.array(
    z.object({ documentId: z.string(), filename: z.string(), contentType: z.string(), size: z.optional(z.int()) }),
  ),
  requiresAck: z.boolean(),
  acknowledgements: z.array(Acknowledgement),
  /** user ids of the acknowledgements, for the "not acknowledged by me" filter */
  ackedBy: z.array(z.string()),
  publishedAt: IsoDateTime,
  publishedBy: z.string(),
  /** staff may publish for a partner; partners then see "HomeAIQ" */
  publishedByRole: z.optional(z.enum(ROLES)),
  /** end-of-life: when the job marked the affected products discontinued */
  eolAppliedAt: z.optional(IsoDateTime),
  /** 1 as published, one more per correction; the ETag a correction sends back in If-Match */
  version: z.int(),
  /** the corrections, oldest first */
  revisions: z.array(BriefingRevision),
})
export type Briefing = z.infer<typeof Briefing>

export const PartnerBriefingQuery = z.strictObject({ kind: z.optional(BriefingKind), limit: Limit, cursor: Cursor })

export const BriefingFeedQuery = z.strictObject({
  kind: z.optional(BriefingKind),
  partnerId: z.optional(Slug),
  unacknowledged: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((v) => v === 'true'),
    ),
  ),
  limit: Limit,
  cursor: Cursor,
})
export type BriefingFeedQuery = z.infer<typeof BriefingFeedQuery>

/** A briefing as the API answers it: `flagged` for everyone, `acknowledgedByMe` for staff. */
export const BriefingView = z.extend(Briefing, { flagged: z.boolean(), acknowledgedByMe: z.optional(z.boolean()) })
export type BriefingView = z.infer<typeof BriefingView>

export const BriefingPage = listOf(BriefingView)
/** The staff feed, with the count of briefings nobody acknowledged yet. */
export const BriefingFeedPage = z.extend(BriefingPage, { flaggedCount: z.int() })
