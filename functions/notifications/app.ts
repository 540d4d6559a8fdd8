import { notifications as contracts } from '../../shared/contracts/notifications'
import { RuleViolationError } from '../../shared/errors'
import { MANDATORY_KINDS, NOTIFICATION_LABELS } from '../../shared/notifications/outbox'
import { signedIn } from '../auth/guards'
import { inboxRepository } from '../data/inbox'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

/** The signed-in user's own notifications and e-mail preferences. */
export const notificationsRoutes = domainRoutes(contracts, ({ db, clock }) => {
  const inbox = inboxRepository(db)
  return {
    list: readAhead(
      ({ query }, { userId }) => Promise.all([inbox.list(userId, query), inbox.unreadCount(userId)]),
      (c, _input, [page, unreadCount]) => c.json({ ...page, unreadCount }),
    ),
    markRead: async (c, { params }) => c.json(await inbox.markRead(signedIn(c).userId, params.id, clock.now().toISOString())),
    preferences: async (c) => c.json(await inbox.preferences(signedIn(c).userId)),
    setPreferences: async (c, { body }) => {
      const mandatory = body.emailOptOut.filter((kind) => MANDATORY_KINDS.includes(kind))
      if (mandatory.length) {
        throw new RuleViolationError(
          'Some notices always arrive by e-mail.',
          mandatory.map((kind) => ({
            field: `emailOptOut.${body.emailOptOut.indexOf(kind)}`,
            message: `${NOTIFICATION_LABELS[kind]} always arrive by e-mail.`,
          })),
        )
      }
      await inbox.setPreferences(signedIn(c).userId, body)
      return c.json(body)
    },
  }
})
