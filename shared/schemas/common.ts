import * as z from 'zod'

export const Slug = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.')

/** Record ids are ULIDs: 26 Crockford base-32 characters, sortable by time. */
export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a record id.')

export const IsoDate = z.iso.date()
export const IsoDateTime = z.iso.datetime()

/** ISO 3166-1 alpha-2 country (`US`) or ISO 3166-2 subdivision (`US-CA`). */
export const RegionCode = z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'Use an ISO 3166 code such as US or US-CA.')

export const HttpsUrl = z.url({ protocol: /^https$/, error: 'Use a full https:// address.' }).max(300)

export const Limit = z.coerce.number().int().min(1).max(100).default(25)
export const Cursor = z.string().max(1000).optional()

/** Every list answers `{ items, nextCursor }`; `nextCursor` is absent on the last page. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().optional() })

/** RFC 9457 problem details as this API sends them. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(z.object({ field: z.string(), message: z.string(), sku: z.string().optional(), value: z.string().optional() }))
    .optional(),
  /** quote it to support: it finds the request in the logs */
  requestId: z.string().optional(),
})
export type Problem = z.infer<typeof Problem>
