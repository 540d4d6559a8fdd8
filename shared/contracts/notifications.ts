import * as z from 'zod/mini'
import { Ulid } from '../schemas/common'
import { Notification, NotificationPage, NotificationPreferences, NotificationQuery } from '../schemas/notification'
import { access, defineContracts } from './contract'

export const notifications = defineContracts('notifications', {
  list: {
    method: 'GET',
    path: '/me/notifications',
    summary: 'The signed-in user’s notifications, newest first, with the unread count',
    access: access.signedIn,
    query: NotificationQuery,
    response: NotificationPage,
  },
  markRead: {
    method: 'POST',
    path: '/me/notifications/{id}/read',
    summary: 'Mark a notification read (again: no change)',
    access: access.signedIn,
    params: z.strictObject({ id: Ulid }),
    response: Notification,
  },
  preferences: {
    method: 'GET',
    path: '/me/notification-preferences',
    summary: 'Which kinds of notification the user does not want by e-mail',
    access: access.signedIn,
    response: NotificationPreferences,
  },
  setPreferences: {
    method: 'PUT',
    path: '/me/notification-preferences',
    summary: 'Opt out of e-mails per kind (safety notices and terms changes always arrive)',
    access: access.signedIn,
    body: NotificationPreferences,
    response: NotificationPreferences,
    errors: [422],
  },
})
