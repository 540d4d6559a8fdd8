import * as z from 'zod/mini'
import { NOTIFICATION_KINDS } from '../notifications/outbox'
import { Cursor, IsoDateTime, Limit, listOf } from './common'

export const NotificationKind = z.enum(NOTIFICATION_KINDS)

/** A message in one user's inbox. */
export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  link: z.optional(z.string()),
  partnerId: z.optional(z.string()),
  createdAt: IsoDateTime,
  readAt: z.optional(IsoDateTime),
})
export type Notification = z.infer<typeof Notification>

export const NotificationPage = z.extend(listOf(Notification), { unreadCount: z.int() })
export const NotificationQuery = z.strictObject({
  unread: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((v) => v === 'true'),
    ),
  ),
  limit: Limit,
  cursor: Cursor,
})

/** Which kinds a user gets by e-mail (in-app they always arrive). */
export const NotificationPreferences = z.strictObject({
  emailOptOut: z.array(NotificationKind).check(
    z.maxLength(NOTIFICATION_KINDS.length),
    z.refine((k) => new Set(k).size === k.length, 'List each kind once.'),
  ),
})
export type NotificationPreferences = z.infer<typeof NotificationPreferences>
