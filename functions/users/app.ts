import { auditEntry } from '../../shared/audit/entry'
import { users as contracts } from '../../shared/contracts/users'
import { ConflictError, NotFoundError } from '../../shared/errors'
import type { SignedInActor } from '../../shared/roles'
import type { PortalUser } from '../../shared/schemas/user'
import { signedIn } from '../auth/guards'
import { userRepository } from '../data/users'
import { requireDirectory } from '../http/deps'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

/**
 * Who works in the portal: a partner's admins manage their own team, HomeAIQ staff manage any
 * partner's and their own. A removed user's next request is refused (their membership record
 * is gone; other containers forget it within the access cache's lifetime).
 */
export const usersRoutes = domainRoutes(contracts, (deps) => {
  const { db, clock, newId, access } = deps
  const directory = requireDirectory(deps)
  const members = userRepository(db)

  const audit = (actor: SignedInActor, user: PortalUser, action: string, before: unknown, after: unknown) =>
    auditEntry({
      id: newId(),
      now: clock.now(),
      actor,
      partnerId: user.partnerId ?? 'homeaiq',
      entity: { type: 'user', id: user.userId },
      action,
      before,
      after,
    })

  async function invite(
    actor: SignedInActor,
    person: { email: string; name: string; role: PortalUser['role'] },
    partnerId?: string,
  ) {
    if (await members.findByEmail(person.email)) throw new ConflictError(`${person.email} already has an account in the portal.`)
    const { userId } = await directory.invite(person)
    const user: PortalUser = {
      userId,
      email: person.email.toLowerCase(),
      name: person.name,
      role: person.role,
      ...(partnerId ? { partnerId } : {}),
    }
    await members.create(user, audit(actor, user, 'user.invited', null, user))
    return user
  }

  async function remove(actor: SignedInActor, user: PortalUser, keeper?: PortalUser) {
    await members.remove(user, audit(actor, user, 'user.removed', user, null), keeper)
    access.forgetUser(user.userId)
    await directory.disable(user)
  }

  return {
    team: readAhead(
      ({ params }) => members.listForPartner(params.partnerId),
      (c, _input, items) => c.json({ items }),
    ),
    admins: async (c) => {
      const team = await members.listForPartner(c.var.partnerId)
      return c.json({ items: team.filter((u) => u.role === 'partner-admin').map(({ name, email }) => ({ name, email })) })
    },
    invite: async (c, { body }) => c.json(await invite(signedIn(c), body, c.var.partnerId), 201),
    remove: async (c, { params }) => {
      const user = await members.get(params.userId)
      if (!user || user.partnerId !== c.var.partnerId) throw new NotFoundError('No such user in this partner’s team.')
      const keeper =
        user.role === 'partner-admin'
          ? (await members.listForPartner(c.var.partnerId)).find((u) => u.role === 'partner-admin' && u.userId !== user.userId)
          : undefined
      if (user.role === 'partner-admin' && !keeper) {
        throw new ConflictError('A partner keeps at least one admin: invite or promote another admin first.')
      }
      await remove(signedIn(c), user, keeper)
      return c.body(null, 204)
    },
    staff: async (c) => c.json({ items: await members.listStaff() }),
    inviteStaff: async (c, { body }) => c.json(await invite(signedIn(c), { ...body, role: 'staff' }), 201),
    removeStaff: async (c, { params }) => {
      const actor = signedIn(c)
      const user = await members.get(params.userId)
      if (!user || user.role !== 'staff') throw new NotFoundError('No such staff member.')
      if (user.userId === actor.userId) throw new ConflictError('You cannot remove yourself; ask another staff member.')
      await remove(actor, user)
      return c.body(null, 204)
    },
  }
})
