import type { Context } from 'hono'
import { issuerProfile, openBadgeCredential, statusListCredential } from '../../shared/certifications/credential'
import { effectiveStatus } from '../../shared/certifications/rules'
import { badgeSvg } from '../../shared/certifications/svg'
import { publicBadge } from '../../shared/certifications/view'
import { BADGE_CACHE_SECONDS } from '../../shared/certifications/vocabulary'
import { badges as contracts } from '../../shared/contracts/badges'
import { badgeRepository } from '../data/badges'
import { programRepository } from '../data/certifications'
import { requireBadgeIssuer } from '../http/deps'
import { domainRoutes } from '../http/routes'
import { signJws } from './signer'
import { encodeStatusList } from './status-list'

/**
 * Anyone may check and show a badge, from anywhere: readable cross-origin (verifiers in a
 * browser, the SVG embedded on a partner's site) and cached briefly, so a revocation or an
 * expiry shows within minutes.
 */
function publicResource(c: Context, cache = `public, max-age=${BADGE_CACHE_SECONDS}`) {
  c.header('Cache-Control', cache)
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Cross-Origin-Resource-Policy', 'cross-origin')
}

/** Public badge verification: the badge, its live SVG, its signed credential, the status list and the keys. */
export const badgesRoutes = domainRoutes(contracts, (deps) => {
  const { db, clock } = deps
  const issuer = requireBadgeIssuer(deps)
  const badges = badgeRepository(db)
  const programs = programRepository(db)
  const VC_JWT = 'application/vc+jwt'

  return {
    get: async (c, { params }) => {
      const badge = await badges.require(params.badgeId)
      // the verification answer itself is always checked anew: the page that says "valid" must be live
      publicResource(c, 'no-cache')
      return c.json(publicBadge(badge, clock.now(), issuer.origin))
    },
    image: async (c, { params }) => {
      const badge = await badges.require(params.badgeId)
      publicResource(c)
      // an SVG opened on its own never runs anything: only its inline presentation is allowed
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      c.header('Content-Type', 'image/svg+xml; charset=utf-8')
      return c.body(badgeSvg({ ...badge, status: effectiveStatus(badge, clock.now()) }))
    },
    credential: async (c, { params }) => {
      const badge = await badges.require(params.badgeId)
      const program = await programs.require(badge.programId)
      const { credential, claims } = openBadgeCredential(badge, program, issuer.origin)
      const jws = await signJws(issuer.signer, { ...credential, ...claims }, 'vc+jwt')
      publicResource(c)
      c.header('Content-Type', VC_JWT)
      return c.body(jws)
    },
    statusList: async (c, { params }) => {
      const encoded = encodeStatusList(params.list, await badges.revokedIndexes(params.list))
      const { credential, claims } = statusListCredential(issuer.origin, params.list, encoded, clock.now())
      const jws = await signJws(issuer.signer, { ...credential, ...claims }, 'vc+jwt')
      publicResource(c)
      c.header('Content-Type', VC_JWT)
      return c.body(jws)
    },
    jwks: async (c) => {
      publicResource(c)
      return c.json({ keys: [await issuer.signer.publicJwk()] })
    },
    issuer: async (c) => {
      publicResource(c)
      return c.json(issuerProfile(issuer.origin))
    },
  }
})
