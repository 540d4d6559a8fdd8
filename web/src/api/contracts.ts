/**
 * The API as the front end calls it: one typed function per route contract
 * (`api.catalog.list({ params, query })`), from the contracts in shared/contracts. The types
 * come from the contracts' zod schemas (imported as types only); the methods and paths come
 * from the route table web/build.ts derives from the same contracts at build time, so no
 * schema library reaches the browser and no route is written down twice.
 */
import type * as z from 'zod/mini'
import type { Contracts } from '../../../shared/contracts'
import type { PathParams, RawBody, RouteContract } from '../../../shared/contracts/contract'
import routeTable from 'virtual:route-table'
import { request, type ApiResponse } from './client'

type Schema<S> = S extends z.ZodMiniType ? S : never

type ParamsArg<C extends RouteContract> = [PathParams<C['path']>] extends [never]
  ? { params?: undefined }
  : { params: Record<PathParams<C['path']>, string> }
type QueryArg<C extends RouteContract> = C['query'] extends z.ZodMiniType
  ? { query?: z.input<Schema<C['query']>> }
  : { query?: undefined }
type BodyArg<C extends RouteContract> = C['body'] extends z.ZodMiniType
  ? { body: z.input<Schema<C['body']>> }
  : { body?: undefined }
type IfMatchArg<C extends RouteContract> = C['ifMatch'] extends true
  ? { etag: string }
  : C['ifMatch'] extends 'optional'
    ? { etag?: string }
    : { etag?: undefined }
type IdempotencyArg<C extends RouteContract> = C['idempotent'] extends true ? { idempotencyKey?: string } : object

export type RouteArgs<C extends RouteContract> = ParamsArg<C> &
  QueryArg<C> &
  BodyArg<C> &
  IfMatchArg<C> &
  IdempotencyArg<C> & { signal?: AbortSignal }

/** A response schema, or the one its loader resolves to. */
type ResponseSchema<R> = R extends () => Promise<infer S> ? S : R

/** What a route answers: its response schema's output; a non-JSON body as text. */
export type RouteResult<C extends RouteContract> =
  ResponseSchema<C['response']> extends z.ZodMiniType
    ? z.output<Schema<ResponseSchema<C['response']>>>
    : C['response'] extends RawBody
      ? string
      : undefined

export type Api = {
  [D in keyof Contracts]: {
    [N in keyof Contracts[D]]: (args: RouteArgs<ContractAt<D, N>>) => Promise<ApiResponse<RouteResult<ContractAt<D, N>>>>
  }
}

type ContractAt<D extends keyof Contracts, N extends keyof Contracts[D]> = Contracts[D][N] extends infer C extends RouteContract
  ? C
  : never

/** The answer type of `api.<domain>.<name>`, e.g. `Answer<'catalog', 'get'>` is a Product. */
export type Answer<D extends keyof Contracts, N extends keyof Contracts[D]> = RouteResult<ContractAt<D, N>>
/** The JSON body `api.<domain>.<name>` takes. */
export type BodyOf<D extends keyof Contracts, N extends keyof Contracts[D]> =
  ContractAt<D, N> extends {
    body: infer B extends z.ZodMiniType
  }
    ? z.input<B>
    : never

export interface RouteCall {
  params?: Record<string, string> | undefined
  query?: Record<string, unknown> | undefined
}

/** The URL of a route with its path parameters and (defined, non-empty) query values filled in. */
export function routeUrl(path: string, { params = {}, query = {} }: RouteCall): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return `/api/v1${filled}${text ? `?${text}` : ''}`
}

function endpoint(route: { method: string; path: string }) {
  return (args: RouteCall & { body?: unknown; etag?: string; idempotencyKey?: string; signal?: AbortSignal } = {}) =>
    request(routeUrl(route.path, args), {
      method: route.method as 'GET',
      ...(args.body !== undefined ? { body: args.body } : {}),
      headers: {
        ...(args.etag ? { 'if-match': args.etag } : {}),
        ...(args.idempotencyKey ? { 'idempotency-key': args.idempotencyKey } : {}),
      },
      ...(args.signal ? { signal: args.signal } : {}),
    })
}

export const api = Object.fromEntries(
  Object.entries(routeTable).map(([domain, routes]) => [
    domain,
    Object.fromEntries(Object.entries(routes).map(([name, route]) => [name, endpoint(route)])),
  ]),
) as unknown as Api

/** The method and path of a route, for transports other than JSON (uploads with progress, downloads). */
export const routeOf = <D extends keyof Contracts>(domain: D, name: keyof Contracts[D] & string) =>
  (routeTable as Record<string, Record<string, { method: string; path: string }>>)[domain]![name]!
