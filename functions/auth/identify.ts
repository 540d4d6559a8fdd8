import { createMiddleware } from 'hono/factory'
import { UnauthenticatedError } from '../../shared/errors'
import { anonymous, isRole, type Actor, type Role } from '../../shared/roles'
import type { PortalUser } from '../../shared/schemas/user'
import type { UserRepository } from '../data/users'
import type { PortalEnv } from '../http/env'
import type { TokenVerifier } from './verifier'

const MEMBERSHIP_TTL_MS = 60_000

/**
 * Verifies the bearer token (if any) and sets `c.var.actor`. No token: anonymous, and the
 * route decides whether that is enough. A bad token is always 401, even on a public route.
 * The partner a user belongs to comes from the user record, cached briefly per container.
 */
export function identify(verifier: TokenVerifier, users: Pick<UserRepository, 'get'>) {
  const cache = new Map<string, { user: PortalUser | undefined; until: number }>()
  const membership = async (sub: string) => {
    const hit = cache.get(sub)
    if (hit && hit.until > Date.now()) return hit.user
    const user = await users.get(sub)
    cache.set(sub, { user, until: Date.now() + MEMBERSHIP_TTL_MS })
    return user
  }

  return createMiddleware<PortalEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    if (!header) {
      c.set('actor', anonymous)
      return next()
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token) throw new UnauthenticatedError('Send the access token as "Authorization: Bearer <token>".')
    const claims = await verifier.verify(token).catch((error: unknown) => {
      throw new UnauthenticatedError('The access token is invalid or expired; sign in again.', { cause: error })
    })
    const role = roleOf(claims['cognito:groups'] ?? [])
    const user = await membership(claims.sub)
    if (!role || !user) throw new UnauthenticatedError('This account has no access to the partner portal.')
    c.set('actor', toActor(role, user))
    return next()
  })
}

/** Staff outranks partner-admin outranks partner-rep when a user sits in several groups. */
function roleOf(groups: string[]): Role | undefined {
  const roles = groups.filter(isRole)
  return (['staff', 'partner-admin', 'partner-rep'] as const).find((r) => roles.includes(r))
}

function toActor(role: Role, user: PortalUser): Actor {
  if (role === 'staff') return { kind: 'staff', role, userId: user.userId, email: user.email }
  if (!user.partnerId) throw new UnauthenticatedError('This partner account is not linked to a partner.')
  return { kind: 'partner', role, userId: user.userId, email: user.email, partnerId: user.partnerId }
}
