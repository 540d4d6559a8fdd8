import * as z from 'zod'
import { NOTIFICATION_KINDS } from '../notifications/outbox'
import { Cursor, IsoDateTime, Limit, listOf } from './common'

export const NotificationKind = z.enum(NOTIFICATION_KINDS)

/** A message in one user's inbox. */
export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  partnerId: z.string().optional(),
  createdAt: IsoDateTime,
  readAt: IsoDateTime.optional(),
})
export type Notification = z.infer<typeof Notification>

export const NotificationPage = listOf(Notification).extend({ unreadCount: z.number().int() })
export const NotificationQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: Limit,
  cursor: Cursor,
})

/** Which kinds a user gets by e-mail (in-app they always arrive). */
export const NotificationPreferences = z.strictObject({
  emailOptOut: z
    .array(NotificationKind)
    .max(NOTIFICATION_KINDS.length)
    .refine((k) => new Set(k).size === k.length, 'List each kind once.'),
})
export type NotificationPreferences = z.infer<typeof NotificationPreferences>
