import * as z from 'zod/mini'
import { allContracts } from '../../shared/contracts'
import {
  fillPath,
  isRawBody,
  pathParamNames,
  pathPattern,
  responseOf,
  statusesOf,
  type RouteContract,
} from '../../shared/contracts/contract'
import { byRouteSpecificity } from '../../functions/http/routes'

// zod/mini ships no wording of its own: a failed conformance check reads better in English
z.config(z.locales.en())

/** A value for every path parameter name the contracts use; a new name fails loudly until it has one. */
export const EXAMPLE_PARAMS: Record<string, string> = {
  partnerId: 'lutron',
  sku: 'RRD-6NA',
  id: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ',
  documentId: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ',
  userId: 'no-such-user',
  period: '2026-Q4',
  programId: 'integration-standard',
  badgeId: 'AAAAAAAAAAAAAAAAAAAAAA',
  list: '1',
}

export const CONTRACTS = allContracts()

export function examplePath(contract: RouteContract, overrides: Record<string, string> = {}): string {
  const params = Object.fromEntries(
    pathParamNames(contract.path).map((name) => {
      const value = overrides[name] ?? EXAMPLE_PARAMS[name]
      if (value === undefined) throw new Error(`test/helpers/contracts.ts: add an example for the path parameter "${name}"`)
      return [name, value]
    }),
  )
  return fillPath(contract.path, params)
}

/** A body that reaches the handler's parsing (it is not meant to be valid). */
export const exampleBody = (contract: RouteContract) =>
  contract.body === undefined
    ? {}
    : isRawBody(contract.body)
      ? { rawBody: 'x', headers: { 'content-type': contract.body.contentType } }
      : { body: {} }

const patterns = [...CONTRACTS].sort(byRouteSpecificity).map((c) => ({ contract: c, pattern: pathPattern(c.path) }))

/** The contract a request to `path` (under /api/v1, query allowed) is served by. */
export function contractOf(method: string, path: string) {
  const bare = path.split('?')[0]!
  return patterns.find((p) => p.contract.method === method && p.pattern.test(bare))?.contract
}

/**
 * Every answer must be one its contract declares: a status from `statusesOf`, and a 2xx JSON
 * body that its response schema accepts. Throws with what was wrong.
 */
export async function assertConforms(method: string, path: string, res: { status: number; json: unknown; contentType: string }) {
  const contract = contractOf(method, path)
  if (!contract) {
    if (res.status !== 404 && !(method === 'OPTIONS' && res.status === 204))
      throw new Error(`${method} ${path} has no contract but answered ${res.status}`)
    return
  }
  const allowed = statusesOf(contract)
  if (!allowed.includes(res.status)) {
    throw new Error(`${method} ${path} answered ${res.status}, which its contract does not declare (${allowed.join(', ')})`)
  }
  if (res.status >= 400 && !res.contentType.startsWith('application/problem+json')) {
    throw new Error(`${method} ${path} answered ${res.status} without problem+json`)
  }
  const schema = await responseOf(contract)
  if (res.status < 300 && schema && !isRawBody(schema)) {
    const parsed = (schema as z.ZodMiniType).safeParse(res.json)
    if (!parsed.success) {
      throw new Error(`${method} ${path}: the answer does not match its response schema: ${z.prettifyError(parsed.error)}`)
    }
  }
}
