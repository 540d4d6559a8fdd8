import type * as z from 'zod/mini'
import type { Role } from '../roles'

/**
 * A route contract: everything about one HTTP route except its handler. The sub-apps register
 * their handlers against these, infra deploys exactly these routes per Lambda, the OpenAPI
 * document, the web's typed client and the authorization-matrix test are derived from them.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** The Lambda (one per domain) that serves a route. */
export const DOMAINS = [
  'identity',
  'directory',
  'partners',
  'catalog',
  'uploads',
  'briefings',
  'audit',
  'notifications',
  'users',
  'leads',
  'program',
  'mdf',
  'certifications',
  'badges',
] as const
export type Domain = (typeof DOMAINS)[number]

export type PartnerRole = Extract<Role, 'partner-admin' | 'partner-rep'>

/**
 * Who may call a route. There is no default: a contract without `access` does not compile.
 * - `public`: anyone, no token needed (a bad token is still 401)
 * - `signed-in`: any portal user
 * - `staff`: HomeAIQ staff, on a route without a partner in its path
 * - `partner`: on `/partners/{partnerId}/...`: users of that partner with at least `minRole`
 *   (null: none of them) and, when `staff` is true, HomeAIQ staff. Users of another partner get
 *   404, as if the partner did not exist.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'staff' }
  | { readonly kind: 'partner'; readonly minRole: PartnerRole | null; readonly staff: boolean }

export const access = {
  public: { kind: 'public' },
  signedIn: { kind: 'signed-in' },
  staff: { kind: 'staff' },
  /** staff and the partner's users with at least `minRole` */
  member: (minRole: PartnerRole = 'partner-rep') => ({ kind: 'partner', minRole, staff: true }) as const,
  /** staff only, acting on one partner */
  staffOnPartner: { kind: 'partner', minRole: null, staff: true },
  /** the partner's own users only (staff act through other routes) */
  partnerOnly: (minRole: PartnerRole = 'partner-rep') => ({ kind: 'partner', minRole, staff: false }) as const,
} as const satisfies Record<string, Access | ((...args: never[]) => Access)>

/** A request or response body that is not JSON. */
export interface RawBody {
  readonly contentType: string
}

/**
 * A response schema loaded when asked for: `async () => (await import('../schemas/dashboard')).StaffDashboard`
 * (not `.then(...)`, whose contextual typing loses the schema's output type for the web's client).
 * Only the OpenAPI document and the tests read response schemas, so a view that lives in a
 * module of its own, given this way, is never built in the Lambda (esbuild evaluates a module
 * reached only through `import()` on its first call). Every schema a Lambda's modules declare
 * is built at its cold start: the dashboards' (four domains' views) cost the program function
 * about 10 ms there.
 */
export type LoadSchema = () => Promise<z.ZodMiniType>

/** A contract's response schema, loaded if it is given as a loader. */
export const responseOf = async (c: Pick<RouteContract, 'response'>): Promise<z.ZodMiniType | RawBody | undefined> =>
  typeof c.response === 'function' ? c.response() : c.response

/** Versioned records travel with a strong ETag `"v<version>"`; writes send it back in If-Match. */
export const etagOf = (version: number) => `"v${version}"`

/** Statuses a route can answer beyond those its shape implies (see `statusesOf`). */
export type ErrorStatus = 403 | 404 | 409 | 413 | 422

export interface RouteContract {
  readonly method: Method
  /** under /api/v1, OpenAPI style: `/partners/{partnerId}/products/{sku}` */
  readonly path: string
  readonly domain: Domain
  readonly summary: string
  /** longer words for the OpenAPI document: what happens, what is refused */
  readonly description?: string
  readonly access: Access
  /** path parameters; those without a schema are non-empty strings */
  readonly params?: z.ZodMiniObject
  readonly query?: z.ZodMiniObject
  readonly body?: z.ZodMiniType | RawBody
  /** bodies over this many bytes are refused with 413 before parsing; default 1 MiB */
  readonly maxBodyBytes?: number
  /** the answer's schema; a loader for one no handler needs (see `LoadSchema`) */
  readonly response?: z.ZodMiniType | RawBody | LoadSchema
  /** the success status; default 200 (201 for creates, 204 without a response) */
  readonly status?: 200 | 201 | 204 | 302
  /**
   * a versioned record: the write needs If-Match with its current strong ETag (428 / 412);
   * `'optional'`: If-Match, when sent, must name the current version (412)
   */
  readonly ifMatch?: boolean | 'optional'
  /** accepts an Idempotency-Key: a retry with the same key and body answers the first result */
  readonly idempotent?: boolean
  readonly errors?: readonly ErrorStatus[]
}

/** The routes of one domain, by name (`list`, `create`, ...): the name is how the web calls it. */
export type DomainContracts = Record<string, RouteContract>

/** Declares a domain's routes; `const` keeps every literal (paths, methods) for the typed client. */
export const defineContracts = <const C extends Record<string, Omit<RouteContract, 'domain'>>>(
  domain: Domain,
  contracts: C,
): { readonly [K in keyof C]: C[K] & { readonly domain: Domain } } =>
  Object.fromEntries(Object.entries(contracts).map(([name, c]) => [name, { ...c, domain }])) as never

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

export const isRawBody = (body: RouteContract['body'] | RouteContract['response']): body is RawBody =>
  !!body && typeof body === 'object' && 'contentType' in body && typeof (body as RawBody).contentType === 'string'

/** The names in a path template: `/partners/{partnerId}/x/{id}` -> partnerId | id. */
export type PathParams<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParams<Rest> : never

/** The concrete paths of a template (`/partners/lutron/products` for `/partners/{partnerId}/products`), each parameter a named group of one segment. */
export const pathPattern = (template: string) =>
  new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}/?$`)

export const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)

/** Fills a path template: `/partners/{partnerId}` + { partnerId: 'lutron' } -> `/partners/lutron`. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`)
    return encodeURIComponent(value)
  })
}

export const successStatus = (c: Pick<RouteContract, 'status' | 'response' | 'method'>) =>
  c.status ?? (c.response === undefined ? 204 : 200)

/** Every status a route can answer, from its shape plus its declared `errors`. */
export function statusesOf(c: RouteContract): number[] {
  const statuses = new Set<number>([successStatus(c), 500, 503])
  if (c.params || c.query || c.body || c.path.includes('{') || c.ifMatch || c.idempotent) statuses.add(400)
  if (c.body) statuses.add(413).add(415)
  if (c.access.kind !== 'public') statuses.add(401)
  if (c.access.kind === 'staff' || c.access.kind === 'partner') statuses.add(403)
  if (c.path.includes('{')) statuses.add(404)
  if (c.ifMatch) statuses.add(412)
  if (c.ifMatch === true) statuses.add(428)
  if (c.idempotent) statuses.add(422)
  for (const s of c.errors ?? []) statuses.add(s)
  return [...statuses].sort()
}

/** Who a rule admits, in words: for the OpenAPI document and for a 403's message. */
export function whoMay(a: Access): string {
  switch (a.kind) {
    case 'public':
      return 'anyone, without signing in'
    case 'signed-in':
      return 'any signed-in user'
    case 'staff':
      return 'HomeAIQ staff'
    case 'partner': {
      const users = a.minRole === 'partner-admin' ? 'the partner’s admins' : a.minRole ? 'the partner’s users' : ''
      return [users, a.staff ? 'HomeAIQ staff' : ''].filter(Boolean).join(' and ')
    }
  }
}

/** Whether a role passes a route's access rule (tenancy aside). */
export function roleAllowed(a: Access, role: Role): boolean {
  switch (a.kind) {
    case 'public':
    case 'signed-in':
      return true
    case 'staff':
      return role === 'staff'
    case 'partner':
      if (role === 'staff') return a.staff
      return a.minRole !== null && (a.minRole === 'partner-rep' || role === 'partner-admin')
  }
}
