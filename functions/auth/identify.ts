import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { UnauthenticatedError } from '../../shared/errors'
import { anonymous, type Actor } from '../../shared/roles'
import type { PortalUser } from '../../shared/schemas/user'
import type { PortalEnv } from '../http/env'
import type { AccessCache } from './access-cache'
import type { TokenVerifier } from './verifier'

/**
 * Verifies the bearer token (if any) and sets `c.var.actor`. No token: anonymous, and the
 * route's access rule decides whether that is enough. A bad token is always 401, even on a
 * public route. Who the user is comes from the token; their role and partner come from the
 * server-side membership record, so removing a user or changing a role takes effect without
 * waiting for their token to expire.
 */
export function identify(
  verifier: TokenVerifier,
  access: Pick<AccessCache, 'user' | 'warm'>,
  readAhead: (c: Context<PortalEnv>, userId: string) => void = () => undefined,
) {
  return createMiddleware<PortalEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    if (!header) {
      c.set('actor', anonymous)
      return next()
    }
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token) throw new UnauthenticatedError('Send the access token as "Authorization: Bearer <token>".')
    const sub = unverifiedSubject(token)
    // the route's read goes ahead only beside a read of the access check's: with the membership
    // cached, the check takes no time and the route reads right after it, all its reads at once
    if (sub && access.warm(sub, PARTNER_IN_PATH.exec(c.req.path)?.[1])) readAhead(c, sub)
    const claims = await verifier.verify(token).catch((error: unknown) => {
      throw new UnauthenticatedError('The access token is invalid or expired; sign in again.', { cause: error })
    })
    const user = await access.user(claims.sub)
    if (!user) throw new UnauthenticatedError('This account has no access to the partner portal.')
    c.set('actor', toActor(user))
    return next()
  })
}

function toActor(user: PortalUser): Actor {
  if (user.role === 'staff') return { kind: 'staff', role: 'staff', userId: user.userId, email: user.email }
  if (!user.partnerId) throw new UnauthenticatedError('This partner account is not linked to a partner.')
  return { kind: 'partner', role: user.role, userId: user.userId, email: user.email, partnerId: user.partnerId }
}

const PARTNER_IN_PATH = /^\/api\/v1\/partners\/([a-z0-9-]{2,40})(?:\/|$)/

/**
 * The `sub` claim of a JWT, read without verifying it, never to decide: with it the reads the
 * access check makes (the caller's membership and the path's partner) and the route's own read
 * (see functions/http/read-ahead.ts) start while the token's signature is checked, instead of
 * after it. Nothing read is used unless the token verifies to the same user, and `authorize`
 * decides exactly as before.
 */
function unverifiedSubject(token: string): string | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'))
    const sub = payload && typeof payload === 'object' && 'sub' in payload ? payload.sub : undefined
    return typeof sub === 'string' && sub.length <= 128 ? sub : undefined
  } catch {
    return undefined
  }
}
