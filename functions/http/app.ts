import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { pathPattern, type RouteContract } from '../../shared/contracts/contract'
import { identify } from '../auth/identify'
import { REQUEST_BUDGET_MS, runInRequestScope } from '../runtime/request-scope'
import type { Deps } from './deps'
import type { PortalEnv } from './env'
import { problem, toProblem } from './problem'
import { readAheads, registerRoutes, routeEntries, type DomainRoutes } from './routes'

export type DomainApp = (deps: Deps) => DomainRoutes

/** API Gateway's id for the request when there is one (it is in its access logs), else a fresh one. */
const requestIdOf = (c: { env?: unknown }) =>
  (c.env as { requestContext?: { requestId?: string } } | undefined)?.requestContext?.requestId ?? crypto.randomUUID()

/**
 * The HTTP surface around the domains' routes, under /api/v1: request id, security headers,
 * the request's time budget, identity, then each contract with its access check and parsing,
 * and the one error handler. The local server mounts every domain; each Lambda only its own,
 * so its bundle holds nothing else. `allRoutes` (every contract of the API) lets an OPTIONS
 * request or a wrong method be answered for paths this process does not serve itself; given as
 * a loader, the other domains' schemas are built only when such a request comes.
 */
export function createApiWith(
  deps: Deps,
  domains: DomainApp[],
  allRoutes?: readonly RouteContract[] | (() => Promise<readonly RouteContract[]>),
) {
  const api = new Hono<PortalEnv>().basePath('/api/v1')
  // a route that sets a header itself keeps it (public badges: Cross-Origin-Resource-Policy: cross-origin)
  api.use('*', requestId({ generator: requestIdOf }), secureHeaders({ overwrite: false }))
  api.use('*', async (c, next) => {
    const signal = AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(REQUEST_BUDGET_MS)])
    await runInRequestScope(signal, next)
  })
  const served = domains.map((d) => d(deps))
  const routes = routeEntries(served)
  api.use('*', identify(deps.verifier, deps.access, readAheads(routes)))
  registerRoutes(api, routes, deps.access)
  const known = allRoutes ?? served.flatMap((d) => Object.values(d.contracts))
  api.options('*', async (c) => {
    const allow = methodsFor(typeof known === 'function' ? await known() : known, c.req.path.replace(/^\/api\/v1/, ''))
    if (!allow.length) return routeNotFound(c)
    return c.body(null, 204, { Allow: [...allow, 'OPTIONS'].join(', ') })
  })
  api.notFound(routeNotFound)
  api.onError(toProblem)
  return api
}

/** The answer to a path no route serves: a 404 problem+json, never a web page. */
export const routeNotFound = (c: Parameters<typeof problem>[0]) =>
  problem(c, { type: 'not-found', title: 'Not found', status: 404, detail: 'No such route.' })

/** The methods the API serves on a concrete path (`/partners/lutron/products`). */
export function methodsFor(contracts: readonly RouteContract[], path: string): string[] {
  const methods = contracts.filter((c) => pathPattern(c.path).test(path)).map((c) => c.method)
  return [...new Set(methods)]
}
