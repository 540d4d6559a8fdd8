import { UnavailableError } from '../../shared/errors'

/** Error names of the AWS SDK and Node for "the service did not answer, or answered: try later". */
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'SlowDown',
])
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * A dependency failure the client may retry (the database or file store unreachable, slow or
 * throttling) as an UnavailableError (503 with Retry-After); undefined for anything else.
 */
export function asUnavailable(error: unknown): UnavailableError | undefined {
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  const fault = (error as { $fault?: unknown }).$fault
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
  if (
    TRANSIENT_NAMES.has(error.name) ||
    (typeof code === 'string' && TRANSIENT_CODES.has(code)) ||
    (fault === 'server' && (status === undefined || status >= 500))
  ) {
    return new UnavailableError('The portal’s database did not answer in time. Please try again in a moment.', 2, {
      cause: error,
    })
  }
  return undefined
}
