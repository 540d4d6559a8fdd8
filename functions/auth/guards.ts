import { createMiddleware } from 'hono/factory'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../shared/errors'
import type { Role, SignedInActor } from '../../shared/roles'
import type { Context } from 'hono'
import type { PortalEnv } from '../http/env'

/**
 * The tenant boundary for every /partners/:partnerId route: no token is 401; a user of
 * another partner gets 404 (existence never leaks); staff may act on any existing partner.
 */
export const tenantGuard = (partnerExists: (partnerId: string) => Promise<boolean>) =>
  createMiddleware<PortalEnv>(async (c, next) => {
    const actor = c.var.actor
    const partnerId = c.req.param('partnerId')
    if (!partnerId) throw new NotFoundError('No partner in the path.')
    if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in to work on a partner.')
    if (actor.kind === 'partner' && actor.partnerId !== partnerId) throw new NotFoundError(`No partner ${partnerId}.`)
    // a partner user's own partner exists by definition; staff may type any id
    if (actor.kind === 'staff' && !(await partnerExists(partnerId))) throw new NotFoundError(`No partner ${partnerId}.`)
    c.set('partnerId', partnerId)
    return next()
  })

/** Lets the request through only for the given roles: anonymous 401, other roles 403. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<PortalEnv>(async (c, next) => {
    const actor = c.var.actor
    if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in first.')
    if (!roles.includes(actor.role)) {
      throw new ForbiddenError(`This needs the role ${roles.join(' or ')}; you are ${actor.role}.`)
    }
    return next()
  })

/** The signed-in actor of a request that passed requireRole or the tenant guard. */
export function signedIn(c: Context<PortalEnv>): SignedInActor {
  const actor = c.var.actor
  if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in first.')
  return actor
}
