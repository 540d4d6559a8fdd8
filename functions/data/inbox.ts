import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { NotFoundError } from '../../shared/errors'
import type { NotificationKind, OutboxMessage } from '../../shared/notifications/outbox'
import type { Notification, NotificationPreferences } from '../../shared/schemas/notification'
import type { Db } from './db'
import { queryPage, stripKeys } from './db'
import { keys } from './keys'
import { transactWrite } from './transact'

class AlreadyDelivered extends Error {}

/** Each user's notifications: delivered once per message, read once, with an unread count beside them. */
export const inboxRepository = (db: Db) => {
  const unreadMove = (userId: string, by: 1 | -1) => ({
    Update: {
      TableName: db.table,
      Key: keys.unreadCounter(userId),
      UpdateExpression: 'ADD #count :by',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':by': by },
    },
  })

  return {
    /** Puts the message in the user's inbox unless it is there already; answers whether this call did. */
    async deliver(userId: string, message: OutboxMessage): Promise<boolean> {
      const note: Notification = {
        id: message.id,
        kind: message.kind,
        title: message.title,
        body: message.body,
        createdAt: message.createdAt,
        ...(message.link ? { link: message.link } : {}),
        ...(message.partnerId ? { partnerId: message.partnerId } : {}),
      }
      try {
        await transactWrite(
          db,
          [
            {
              Put: {
                TableName: db.table,
                Item: { ...keys.inboxItem(userId, message.id), ...keys.unreadEntry(userId, message.id), _type: 'note', ...note },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            unreadMove(userId, 1),
          ],
          () => new AlreadyDelivered(),
        )
        return true
      } catch (error) {
        if (error instanceof AlreadyDelivered) return false
        throw error
      }
    },

    /** Marks one notification read, once: the unread count moves only the first time. */
    async markRead(userId: string, id: string, at: string): Promise<Notification> {
      const key = keys.inboxItem(userId, id)
      try {
        await transactWrite(
          db,
          [
            {
              Update: {
                TableName: db.table,
                Key: key,
                UpdateExpression: 'SET readAt = :at REMOVE gsi1pk, gsi1sk',
                ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(readAt)',
                ExpressionAttributeValues: { ':at': at },
              },
            },
            unreadMove(userId, -1),
          ],
          () => new AlreadyDelivered(),
        )
      } catch (error) {
        if (!(error instanceof AlreadyDelivered)) throw error
      }
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key }))
      if (!out.Item) throw new NotFoundError('No such notification.')
      return stripKeys<Notification>(out.Item)
    },

    list: (userId: string, query: { unread?: boolean | undefined; limit: number; cursor?: string | undefined }) =>
      queryPage<Notification>(db, {
        ...(query.unread ? keys.unread(userId) : keys.inbox(userId)),
        ascending: false,
        limit: query.limit,
        cursor: query.cursor,
      }),

    async unreadCount(userId: string): Promise<number> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.unreadCounter(userId) }))
      return Math.max(0, (out.Item?.count as number | undefined) ?? 0)
    },

    async preferences(userId: string): Promise<NotificationPreferences> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.notificationPreferences(userId) }))
      return { emailOptOut: (out.Item?.emailOptOut as NotificationKind[] | undefined) ?? [] }
    },

    async setPreferences(userId: string, prefs: NotificationPreferences): Promise<void> {
      await db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.notificationPreferences(userId), _type: 'preferences', ...prefs },
        }),
      )
    },
  }
}
