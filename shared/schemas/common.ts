import * as z from 'zod/mini'

export const Slug = z
  .string()
  .check(
    z.minLength(2),
    z.maxLength(40),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.'),
  )

/** Record ids are ULIDs: 26 Crockford base-32 characters, sortable by time. */
export const Ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not a record id.'))

export const IsoDate = z.iso.date()
export const IsoDateTime = z.iso.datetime()

/** ISO 3166-1 alpha-2 country (`US`) or ISO 3166-2 subdivision (`US-CA`). */
export const RegionCode = z.string().check(z.regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'Use an ISO 3166 code such as US or US-CA.'))

export const HttpsUrl = z.url({ protocol: /^https$/, error: 'Use a full https:// address.' }).check(z.maxLength(300))

export const Limit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25)
export const Cursor = z.optional(z.string().check(z.maxLength(1000)))

/** Every list answers `{ items, nextCursor }`; `nextCursor` is absent on the last page. */
export const listOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.optional(z.string()) })

/** RFC 9457 problem details as this API sends them. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(
    z.array(z.object({ field: z.string(), message: z.string(), sku: z.optional(z.string()), value: z.optional(z.string()) })),
  ),
  /** quote it to support: it finds the request in the logs */
  requestId: z.optional(z.string()),
})
export type Problem = z.infer<typeof Problem>
