import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { DomainError, ForbiddenError, RuleViolationError, ValidationError } from '../../shared/errors'
import type { FieldIssue } from '../../shared/errors'

export const PROBLEM_BASE = 'https://portal.homeaiq.example/problems/'

const STATUS: Record<string, { status: ContentfulStatusCode; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  'rule-violation': { status: 422, title: 'Not allowed by the program rules' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  'stale-version': { status: 412, title: 'Changed by someone else' },
  'version-required': { status: 428, title: 'If-Match required' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not permitted' },
}

/** The one error-to-HTTP mapping: RFC 9457 problem+json for everything. */
export function toProblem(error: Error, c: Context): Response {
  if (error instanceof DomainError) {
    const { status, title } = STATUS[error.code] ?? { status: 400 as const, title: 'Bad request' }
    const issues: FieldIssue[] | undefined =
      error instanceof ValidationError || error instanceof RuleViolationError || error instanceof ForbiddenError
        ? error.issues
        : undefined
    const headers = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : undefined
    return problem(c, { type: error.code, title, status, detail: error.message, errors: issues }, headers)
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    return problem(c, { type: `http-${status}`, title: error.message || 'Bad request', status, detail: error.message })
  }
  console.error(JSON.stringify({ level: 'error', path: c.req.path, message: error.message, stack: error.stack }))
  return problem(c, { type: 'internal', title: 'Something went wrong on our side', status: 500 })
}

export function problem(
  c: Context,
  p: { type: string; title: string; status: ContentfulStatusCode; detail?: string; errors?: FieldIssue[] | undefined },
  headers?: Record<string, string>,
): Response {
  const body = {
    type: PROBLEM_BASE + p.type,
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: c.req.path,
    ...(p.errors?.length ? { errors: p.errors } : {}),
  }
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  })
}
