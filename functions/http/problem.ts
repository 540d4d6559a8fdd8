import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, UnavailableError, type ErrorCode, type FieldIssue } from '../../shared/errors'
import { asUnavailable } from '../data/faults'
import { logger } from '../runtime/logger'

export const PROBLEM_BASE = 'https://portal.homeaiq.example/problems/'

/** Every domain error code and its answer: a new code without one here fails the typecheck. */
const STATUS: Record<ErrorCode, { status: ContentfulStatusCode; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  'rule-violation': { status: 422, title: 'Not allowed by the program rules' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'stale-version': { status: 412, title: 'Changed by someone else' },
  'version-required': { status: 428, title: 'If-Match required' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not permitted' },
  'too-large': { status: 413, title: 'Too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  unavailable: { status: 503, title: 'Temporarily unavailable' },
}

/** The one error-to-HTTP mapping: RFC 9457 problem+json for everything, with the request id to quote. */
export function toProblem(error: Error, c: Context): Response {
  const known = error instanceof DomainError ? error : asUnavailable(error)
  if (known) {
    const { status, title } = STATUS[known.code]
    const headers: Record<string, string> = {}
    if (status === 401) headers['WWW-Authenticate'] = 'Bearer'
    if (known instanceof UnavailableError) {
      headers['Retry-After'] = String(known.retryAfterSeconds)
      // a client that went away aborts the request's calls: nobody waits for this answer
      if (c.req.raw.signal.aborted) logger.debug('request abandoned by the client', requestFields(c, error))
      else logger.warn('dependency unavailable', requestFields(c, error))
    }
    return problem(c, { type: known.code, title, status, detail: known.message, errors: known.issues }, headers)
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return problem(c, { type: `http-${status}`, title: error.message || 'Bad request', status, detail: error.message })
  }
  logger.error('unhandled error', requestFields(c, error))
  return problem(c, {
    type: 'internal',
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'Quote the request id to HomeAIQ support.',
  })
}

const requestFields = (c: Context, error: Error) => ({
  requestId: requestIdOf(c),
  method: c.req.method,
  path: c.req.path,
  error,
})

const requestIdOf = (c: Context): string | undefined => (c.get('requestId') as string | undefined) ?? undefined

export function problem(
  c: Context,
  p: { type: string; title: string; status: ContentfulStatusCode; detail?: string; errors?: FieldIssue[] | undefined },
  headers?: Record<string, string>,
): Response {
  const requestId = requestIdOf(c)
  const body = {
    type: PROBLEM_BASE + p.type,
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: c.req.path,
    ...(p.errors?.length ? { errors: p.errors } : {}),
    ...(requestId ? { requestId } : {}),
  }
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...(requestId ? { 'x-request-id': requestId } : {}), ...headers },
  })
}
