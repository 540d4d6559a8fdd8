import * as z from 'zod/mini'
import { ROLES } from '../roles'
import { IsoDate, IsoDateTime, Slug, listOf } from './common'
import { BriefingKind } from './briefing-input'

/**
 * Briefings as stored and as the API answers them: the response schemas of
 * shared/contracts/briefings.ts, loaded only when asked for, so no Lambda builds them (see LoadSchema).
 */

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

export const BriefingView = z.extend(Briefing, { flagged: z.boolean(), acknowledgedByMe: z.optional(z.boolean()) })
export type BriefingView = z.infer<typeof BriefingView>

export const BriefingPage = listOf(BriefingView)
/** The staff feed, with the count of briefings nobody acknowledged yet. */
export const BriefingFeedPage = z.extend(BriefingPage, { flaggedCount: z.int() })
