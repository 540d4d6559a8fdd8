import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { identify } from '../auth/identify'
import { tenantGuard } from '../auth/guards'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import type { Deps } from './deps'
import type { PortalEnv } from './env'
import { problem, toProblem } from './problem'

export type SubApp = (deps: Deps) => Hono<PortalEnv>

/**
 * The HTTP surface around the domain sub-apps: identity, the tenant guard and the one
 * error handler, under /api/v1. The local server mounts every sub-app; each Lambda mounts
 * only its own domain's, so its bundle holds nothing else.
 */
export function createApiWith(deps: Deps, routes: Record<string, SubApp>) {
  const api = new Hono<PortalEnv>().basePath('/api/v1')
  api.use('*', requestId(), secureHeaders())
  api.use('*', identify(deps.verifier, userRepository(deps.db)))
  const guard = tenantGuard(async (pid) => (await partnerRepository(deps.db).get(pid)) !== undefined)
  api.use('/partners/:partnerId/*', guard) // also matches /partners/:partnerId itself
  for (const [path, app] of Object.entries(routes)) api.route(path, app(deps))
  api.notFound((c) => problem(c, { type: 'not-found', title: 'Not found', status: 404, detail: 'No such route.' }))
  api.onError(toProblem)
  return api
}
