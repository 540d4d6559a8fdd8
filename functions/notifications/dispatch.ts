import { MANDATORY_KINDS, type Audience, type OutboxMessage } from '../../shared/notifications/outbox'
import type { PortalUser } from '../../shared/schemas/user'
import type { Db } from '../data/db'
import { inboxRepository } from '../data/inbox'
import { outboxRepository } from '../data/outbox'
import { userRepository } from '../data/users'
import type { Mailer } from './mailer'

export interface DispatchDeps {
  db: Db
  mailer: Mailer
  /** the portal's address, for links in e-mails */
  portalUrl: string
}

export interface DispatchResult {
  messages: number
  delivered: number
  emailed: number
}

/**
 * Delivers every pending outbox message to its audience's users: into each inbox once (a
 * conditional put, so a re-run after a crash delivers nothing twice), and by e-mail unless the
 * user opted out of the kind (never for mandatory kinds). Then the message leaves the outbox.
 * A user who joins after the message was written does not get it; one who left does not either.
 */
export async function dispatchOutbox(deps: DispatchDeps): Promise<DispatchResult> {
  const outbox = outboxRepository(deps.db)
  const inbox = inboxRepository(deps.db)
  const users = userRepository(deps.db)
  const result: DispatchResult = { messages: 0, delivered: 0, emailed: 0 }
  for (;;) {
    const page = await outbox.pending({ limit: 25 })
    for (const message of page.items) {
      for (const user of await recipients(users, message.audience)) {
        if (!(await inbox.deliver(user.userId, message))) continue
        result.delivered++
        const prefs = await inbox.preferences(user.userId)
        if (MANDATORY_KINDS.includes(message.kind) || !prefs.emailOptOut.includes(message.kind)) {
          await deps.mailer.send(mailFor(message, user, deps.portalUrl))
          result.emailed++
        }
      }
      await outbox.remove(message.id)
      result.messages++
    }
    if (!page.nextCursor) return result
  }
}

async function recipients(users: ReturnType<typeof userRepository>, audience: Audience): Promise<PortalUser[]> {
  switch (audience.kind) {
    case 'partner': {
      const roles: readonly string[] = audience.roles
      return (await users.listForPartner(audience.partnerId)).filter((u) => roles.includes(u.role))
    }
    case 'staff':
      return users.listStaff()
    case 'user': {
      const user = await users.get(audience.userId)
      return user ? [user] : []
    }
  }
}

export function mailFor(message: OutboxMessage, user: PortalUser, portalUrl: string) {
  const link = message.link ? `\n\nOpen it in the partner portal: ${portalUrl}${message.link}` : ''
  return {
    to: user.email,
    subject: `HomeAIQ partner portal: ${message.title}`,
    text: `Hello ${user.name},\n\n${message.title}\n\n${message.body}${link}\n\nYou can choose which e-mails you get under Notifications in the portal.`,
  }
}
