import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { roleAllowed, whoMay, type Access } from '../../shared/contracts/contract'
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../shared/errors'
import { PARTNER_ACCESS } from '../../shared/partners/vocabulary'
import { ROLE_LABELS, type SignedInActor } from '../../shared/roles'
import type { PortalEnv } from '../http/env'
import type { AccessCache } from './access-cache'

/** The tenant boundary's answer: the same for a partner that does not exist and one that is not yours. */
export const noSuchPartner = (partnerId: string) => new NotFoundError(`No partner ${partnerId}.`)

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The one access check, built from a route contract's access rule. No token where one is
 * needed: 401. On /partners/:partnerId routes: a user of another partner gets 404 (existence
 * never leaks), staff get 404 for a partner that does not exist; a suspended partner's users
 * may only read, a sunset partner's users nothing (403). A role the rule does not admit: 403.
 */
export const authorize = (rule: Access, cache: AccessCache) =>
  createMiddleware<PortalEnv>(async (c, next) => {
    if (rule.kind === 'public') return next()
    const actor = c.var.actor
    if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in first.')
    if (rule.kind === 'partner') {
      const partnerId = c.req.param('partnerId')
      if (!partnerId) throw new Error('a partner route without {partnerId} in its path')
      if (actor.kind === 'partner' && actor.partnerId !== partnerId) throw noSuchPartner(partnerId)
      const partner = await cache.partner(partnerId)
      if (!partner) throw noSuchPartner(partnerId)
      if (actor.kind === 'partner') assertPartnerMayAct(PARTNER_ACCESS[partner.status], c.req.method)
      c.set('partnerId', partnerId)
    }
    if (!roleAllowed(rule, actor.role)) {
      throw new ForbiddenError(`Only ${whoMay(rule)} may do this; you are signed in as ${ROLE_LABELS[actor.role].toLowerCase()}.`)
    }
    return next()
  })

function assertPartnerMayAct(level: 'full' | 'read-only' | 'none', method: string) {
  if (level === 'none') throw new ForbiddenError('This partnership has ended; the portal is closed to its users.')
  if (level === 'read-only' && !READS.has(method)) {
    throw new ForbiddenError(
      'This partnership is suspended: you can read everything, but change nothing until HomeAIQ reactivates it.',
    )
  }
}

/** The signed-in actor of a request that passed `authorize` (any rule but public). */
export function signedIn(c: Context<PortalEnv>): SignedInActor {
  const actor = c.var.actor
  if (actor.kind === 'anonymous') throw new UnauthenticatedError('Sign in first.')
  return actor
}
