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

const NETWORK_PROBLEM: ProblemBody = {
  title: 'Network error',
  detail: 'We could not reach the portal. Check your connection and try again.',
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
    throw new ApiError(0, NETWORK_PROBLEM)
  }
  return readAnswer<T>(path, response.status, response.statusText, await response.text(), (name) => response.headers.get(name))
}

/** Turns a finished HTTP exchange into data or an ApiError (a 401 also signs the user out). */
function readAnswer<T>(
  path: string,
  status: number,
  statusText: string,
  text: string,
  header: (name: string) => string | null,
): ApiResponse<T> {
  const response = { ok: status >= 200 && status < 300, status, statusText }
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
  return { data: body as T, etag: header('etag') ?? undefined, status: response.status }
}

export interface ProgressOptions {
  method?: 'POST' | 'PUT'
  headers?: Record<string, string>
  /** 0..1 as the request body goes out */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * Sends a body with XMLHttpRequest, which (unlike fetch) reports upload progress. With
 * `api: true` (default) it is a same-origin API call: bearer token, JSON answer, ApiError on
 * failure, like request(). With `api: false` it posts to another origin (a presigned S3 POST)
 * and only the status matters.
 */
export function sendWithProgress<T>(
  url: string,
  body: XMLHttpRequestBodyInit,
  options: ProgressOptions & { api?: boolean } = {},
): Promise<ApiResponse<T>> {
  const isApi = options.api ?? true
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(options.method ?? 'POST', url)
    if (isApi) {
      xhr.setRequestHeader('accept', 'application/json')
      const token = getToken()
      if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`)
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total)
    }
    xhr.upload.onload = () => options.onProgress?.(1)
    xhr.onerror = () => reject(new ApiError(0, NETWORK_PROBLEM))
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'))
    xhr.onload = () => {
      if (!isApi) {
        if (xhr.status >= 200 && xhr.status < 300) resolve({ data: undefined as T, etag: undefined, status: xhr.status })
        else
          reject(
            new ApiError(xhr.status, {
              title: 'Upload refused',
              detail: 'The file store refused the upload. It may be too large or of a type this field does not take.',
              status: xhr.status,
            }),
          )
        return
      }
      try {
        resolve(readAnswer<T>(url, xhr.status, xhr.statusText, xhr.responseText, (name) => xhr.getResponseHeader(name)))
      } catch (error) {
        reject(error)
      }
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(body)
  })
}

/** Fetches a file from the API with the bearer token; answers its bytes and suggested name. */
export async function download(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {}
  const token = getToken()
  if (token) headers.authorization = `Bearer ${token}`
  let response: Response
  try {
    response = await fetch(path, { headers, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, NETWORK_PROBLEM)
  }
  if (!response.ok) {
    readAnswer(path, response.status, response.statusText, await response.text(), (name) => response.headers.get(name))
  }
  const disposition = response.headers.get('content-disposition') ?? ''
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1]
  let filename = fallbackName
  if (named) {
    try {
      filename = decodeURIComponent(named)
    } catch {
      filename = named
    }
  }
  return { blob: await response.blob(), filename }
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

/** The API answered that the thing asked for does not exist (404, or one of `statuses`). */
export const isNotFound = (error: unknown, statuses: number[] = [404]) =>
  error instanceof ApiError && statuses.includes(error.status)

/** A message for the user from any error thrown by an API call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 503) return 'The portal is briefly unreachable. Please try again in a moment.'
    if (error.status >= 500) {
      const id = error.problem.requestId
      return `Something went wrong on our side. Please try again in a moment${id ? `; if it keeps happening, quote ${id} to HomeAIQ` : ''}.`
    }
    return error.problem.detail || error.problem.title || error.message
  }
  return 'Something unexpected went wrong. Please try again.'
}
