import * as z from 'zod/mini'
import { BRIEFING_KINDS, BRIEFING_LIMITS as L } from '../briefings/vocabulary'
import { Cursor, IsoDate, Limit, Slug } from './common'
import { Sku } from './vocabulary'

/**
 * What clients send about product update briefings: the briefings function builds these at its
 * cold start. Briefings as stored and answered are in ./briefing.ts, which only the OpenAPI
 * document and the tests load.
 */

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
