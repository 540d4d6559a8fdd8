import { clearToken, getToken } from '../auth/session'
import type { FieldError, ProblemBody } from './types'

/** A failed API call: the HTTP status (0 = network) and the RFC 9457 problem the API sent. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemBody
  constructor(status: number, problem: ProblemBody) {
    super(problem.detail || problem.title || `Request failed (${status})`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? []
  }
  /** the stable problem code, e.g. `stale-version` (the API sends it as the last URL segment) */
  get code(): string {
    return (this.problem.type ?? '').split('/').pop() ?? ''
  }
}

export interface ApiResponse<T> {
  data: T
  etag: string | undefined
  status: number
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  headers?: Record<string, string>
  signal?: AbortSignal
}

let unauthorizedHandler: (() => void) | undefined

/** Called when the API answers 401: the app signs the user out and sends them to /sign-in. */
export function onUnauthorized(handler: () => void) {
  unauthorizedHandler = handler
}

/** Same-origin JSON call with the bearer token; throws ApiError on any non-2xx answer. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  const token = getToken()
  if (token) headers.authorization = `Bearer ${token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: 'same-origin',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'We could not reach the portal. Check your connection and try again.',
    })
  }

  const text = await response.text()
  let body: unknown = undefined
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
  }

  if (!response.ok) {
    const problem: ProblemBody =
      body && typeof body === 'object' ? (body as ProblemBody) : { title: response.statusText, status: response.status }
    if (response.status === 401 && path.startsWith('/api/')) {
      clearToken()
      unauthorizedHandler?.()
    }
    throw new ApiError(response.status, problem)
  }
  if (body === undefined && text) {
    throw new ApiError(response.status, { title: 'Unexpected answer', detail: 'The portal sent an answer we could not read.' })
  }
  return { data: body as T, etag: response.headers.get('etag') ?? undefined, status: response.status }
}

export const get = async <T>(path: string, signal?: AbortSignal): Promise<T> =>
  (await request<T>(path, signal ? { signal } : {})).data

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** A message for the user from any error thrown by an API call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.'
    return error.problem.detail || error.problem.title || error.message
  }
  return 'Something unexpected went wrong. Please try again.'
}
