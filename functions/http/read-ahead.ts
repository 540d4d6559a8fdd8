import type { Context } from 'hono'
import { pathPattern, type RouteContract } from '../../shared/contracts/contract'
import type { PortalEnv } from './env'
import type { RouteInput } from './routes'
import { parsePart } from './validate'

/** Who a read is for: all a read may know of its caller before the token is verified. */
export interface Caller {
  userId: string
}

/**
 * A GET route's handler in two parts: the read, which depends on nothing but the route's input
 * and the caller's id, and the answer built from what it read once access is granted. A cold
 * request checks the token and reads the caller's membership before its route may read: two
 * DynamoDB round trips in a row. With the read declared apart, `identify` starts it beside the
 * membership read (when there is one: a warm container with the membership cached reads after
 * the check, which then takes no time), for the id the unverified token names; the handler takes
 * that result only if the token then verifies to the same id, access is granted and the input is
 * the same, and reads again otherwise. Nothing read ahead reaches a caller who may not see it,
 * and a read never writes, so starting it early changes nothing but when it is made.
 */
export interface ReadAheadHandler<C extends RouteContract, T> {
  readonly read: (input: RouteInput<C>, caller: Caller) => Promise<T>
  readonly answer: (c: Context<PortalEnv>, input: RouteInput<C>, data: T) => Response | Promise<Response>
}

export const readAhead = <C extends RouteContract, T>(
  read: ReadAheadHandler<C, T>['read'],
  answer: ReadAheadHandler<C, T>['answer'],
): ReadAheadHandler<C, T> => ({ read, answer })

export const isReadAhead = (handler: unknown): handler is ReadAheadHandler<RouteContract, unknown> =>
  typeof handler === 'object' && handler !== null && 'read' in handler && 'answer' in handler

/** A read started ahead, and what it was started for. */
export interface EarlyRead {
  contract: RouteContract
  userId: string
  input: string
  data: Promise<unknown>
}

/** The same input, compared as the handler receives it. */
export const inputKey = (input: Pick<RouteInput<RouteContract>, 'params' | 'query'>) =>
  JSON.stringify([input.params, input.query ?? null])

/**
 * From the routes with a read ahead, the function `identify` calls with the unverified token's
 * user id: it finds the GET route the path names, parses its params and query (silently: a bad
 * one is reported in order later, after the access check) and starts its read.
 */
export function readAheadStarter(routes: { contract: RouteContract; handler: ReadAheadHandler<RouteContract, unknown> }[]) {
  const table = routes.map((r) => ({ ...r, pattern: pathPattern(r.contract.path) }))
  return (c: Context<PortalEnv>, userId: string) => {
    if (c.req.method !== 'GET') return
    const path = c.req.path.replace(/^\/api\/v1/, '')
    const route = table.find((r) => r.pattern.test(path))
    if (!route) return
    const input = silently(() => {
      const groups = route.pattern.exec(path)!.groups ?? {}
      const raw = Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]))
      const params = route.contract.params ? parsePart('params', route.contract.params, raw) : raw
      const query = route.contract.query ? parsePart('query', route.contract.query, c.req.query()) : undefined
      return { params, query } as RouteInput<RouteContract>
    })
    if (!input) return
    const data = route.handler.read(input, { userId })
    // the handler may never come for it (a 401, 403 or 404 comes first): a failure here is not unhandled
    data.catch(() => undefined)
    c.set('earlyRead', { contract: route.contract, userId, input: inputKey(input), data })
  }
}

function silently<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
