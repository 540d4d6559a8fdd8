import type { Context, Hono, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type * as z from 'zod/mini'
import {
  DEFAULT_MAX_BODY_BYTES,
  isRawBody,
  type DomainContracts,
  type PathParams,
  type RawBody,
  type RouteContract,
} from '../../shared/contracts/contract'
import { TooLargeError, UnsupportedMediaTypeError } from '../../shared/errors'
import { authorize, signedIn } from '../auth/guards'
import type { AccessCache } from '../auth/access-cache'
import type { Deps } from './deps'
import type { PortalEnv } from './env'
import { expectedVersion, optionalExpectedVersion } from './etag'
import { idempotencyKeyOf } from './idempotency'
import { inputKey, isReadAhead, readAheadStarter, type ReadAheadHandler } from './read-ahead'
import { parseJsonBody, parsePart } from './validate'

type Output<S> = S extends z.ZodMiniType ? z.output<S> : never

/** What a handler receives, parsed and typed from its contract. */
export interface RouteInput<C extends RouteContract> {
  params: C['params'] extends z.ZodMiniType ? Output<C['params']> : Record<PathParams<C['path']>, string>
  query: C['query'] extends z.ZodMiniType ? Output<C['query']> : undefined
  body: C['body'] extends z.ZodMiniType ? Output<C['body']> : C['body'] extends RawBody ? string : undefined
  /** the version If-Match names (contracts with `ifMatch`; with `'optional'`, when sent) */
  expectedVersion: C['ifMatch'] extends true ? number : C['ifMatch'] extends 'optional' ? number | undefined : undefined
  /** the Idempotency-Key header (contracts with `idempotent`), when sent */
  idempotencyKey: C['idempotent'] extends true ? string | undefined : undefined
}

export type Handler<C extends RouteContract> = (c: Context<PortalEnv>, input: RouteInput<C>) => Response | Promise<Response>

/** One handler per contract of the domain, and no other: a missing or extra one does not compile. */
export type Handlers<C extends DomainContracts> = { [K in keyof C]: Handler<C[K]> | ReadAheadHandler<C[K], any> }

export interface DomainRoutes {
  contracts: DomainContracts
  handlers: Record<string, Handler<RouteContract> | ReadAheadHandler<RouteContract, unknown>>
}

/** A domain's sub-app: its contracts and a factory for their handlers. */
export const domainRoutes =
  <C extends DomainContracts>(contracts: C, handlers: (deps: Deps) => Handlers<C>) =>
  (deps: Deps): DomainRoutes => ({ contracts, handlers: handlers(deps) as unknown as DomainRoutes['handlers'] })

/** `/partners/{partnerId}` -> `/partners/:partnerId` */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')

/**
 * Static segments before parameters, position by position, so `/products/export` is tried
 * before `/products/{sku}` whatever order the contracts are declared in.
 */
export function byRouteSpecificity(a: RouteContract, b: RouteContract): number {
  const as = a.path.split('/')
  const bs = b.path.split('/')
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const ap = as[i]!.startsWith('{')
    const bp = bs[i]!.startsWith('{')
    if (ap !== bp) return ap ? 1 : -1
  }
  return 0
}

/** Every contract of the domains with its handler, the most specific paths first (as hono tries them). */
export function routeEntries(domains: DomainRoutes[]) {
  const entries = domains.flatMap((d) =>
    Object.entries(d.contracts).map(([name, contract]) => ({ contract, handler: d.handlers[name]! })),
  )
  return entries.sort((a, b) => byRouteSpecificity(a.contract, b.contract))
}

/** What `identify` calls to start the reads of the routes that declare theirs apart (see read-ahead.ts). */
export function readAheads(entries: ReturnType<typeof routeEntries>) {
  const routes = entries.flatMap(({ contract, handler }) => {
    if (!isReadAhead(handler)) return []
    if (contract.method !== 'GET' || contract.access.kind === 'public')
      throw new Error(`${contract.method} ${contract.path}: only a signed-in GET may read ahead`)
    return [{ contract, handler }]
  })
  return readAheadStarter(routes)
}

/**
 * Registers each contract with what its declaration implies, in this order: access (401 /
 * tenant 404 / 403), body size (413), If-Match (428 / 412 / 400), Idempotency-Key format,
 * then params, query and body parsing (400 naming the fields) — and only then the handler.
 */
export function registerRoutes(api: Hono<PortalEnv>, entries: ReturnType<typeof routeEntries>, accessCache: AccessCache) {
  for (const { contract, handler } of entries) {
    const middleware: MiddlewareHandler<PortalEnv>[] = [authorize(contract.access, accessCache)]
    if (contract.body) {
      const maxSize = contract.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
      middleware.push(
        bodyLimit({
          maxSize,
          onError: () => {
            throw new TooLargeError(`Send at most ${Math.round(maxSize / 1024 / 1024)} MB in one request.`)
          },
        }),
      )
    }
    const serve = isReadAhead(handler) ? servedReadAhead(contract, handler) : handler
    api.on(contract.method, [honoPath(contract.path)], ...middleware, async (c) => serve(c, await inputOf(contract, c)))
  }
}

/** A read-ahead route: the read started for this very caller and input if there is one, else a fresh one. */
const servedReadAhead =
  (contract: RouteContract, { read, answer }: ReadAheadHandler<RouteContract, unknown>): Handler<RouteContract> =>
  async (c, input) => {
    const caller = { userId: signedIn(c).userId }
    const early = c.var.earlyRead
    const same = early && early.contract === contract && early.userId === caller.userId && early.input === inputKey(input)
    return answer(c, input, await (same ? early.data : read(input, caller)))
  }

async function inputOf(contract: RouteContract, c: Context<PortalEnv>): Promise<RouteInput<RouteContract>> {
  const version =
    contract.ifMatch === true ? expectedVersion(c) : contract.ifMatch === 'optional' ? optionalExpectedVersion(c) : undefined
  const idempotencyKey = contract.idempotent ? idempotencyKeyOf(c) : undefined
  const params = contract.params ? parsePart('params', contract.params, c.req.param()) : c.req.param()
  const query = contract.query ? parsePart('query', contract.query, c.req.query()) : undefined
  let body: unknown
  if (isRawBody(contract.body)) body = await rawBody(c, contract.body)
  else if (contract.body) body = await parseJsonBody(contract.body, c)
  return { params, query, body, expectedVersion: version, idempotencyKey } as RouteInput<RouteContract>
}

async function rawBody(c: Context<PortalEnv>, raw: RawBody): Promise<string> {
  const type = c.req.header('content-type') ?? ''
  if (!new RegExp(`^${raw.contentType.replace('/', '\\/')}\\s*(;|$)`, 'i').test(type)) {
    throw new UnsupportedMediaTypeError(`Send the body as ${raw.contentType}.`)
  }
  return c.req.text()
}
