/**
 * Domain errors: what went wrong in business terms, with no HTTP in sight.
 * functions/http/problem.ts is the only place that maps them to status codes, and it maps
 * every `ErrorCode` (a new code without a mapping fails the typecheck).
 */
export interface FieldIssue {
  /** dotted path of the offending field, e.g. `contact.email` or `rows.3.mapCents` */
  field: string
  message: string
  /** a file import's row: the SKU on that row, and the cell as the file has it */
  sku?: string
  value?: string
}

export type ErrorCode =
  | 'validation'
  | 'rule-violation'
  | 'not-found'
  | 'conflict'
  | 'stale-version'
  | 'version-required'
  | 'unauthenticated'
  | 'forbidden'
  | 'too-large'
  | 'unsupported-media-type'
  | 'unavailable'

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode
  /** the offending fields, when the error is about some */
  readonly issues: FieldIssue[] = []
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Input that does not satisfy a schema or a rule; carries every offending field. */
export class ValidationError extends DomainError {
  readonly code = 'validation'
  override readonly issues: FieldIssue[]
  constructor(issues: FieldIssue[], message = 'The request has invalid fields.') {
    super(message)
    this.issues = issues
  }
}

/** Well-formed input that a business rule refuses in the current state. */
export class RuleViolationError extends DomainError {
  readonly code = 'rule-violation'
  override readonly issues: FieldIssue[]
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message)
    this.issues = issues
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not-found'
}

/** A write lost a uniqueness or state condition (duplicate id, changed status). */
export class ConflictError extends DomainError {
  readonly code = 'conflict'
}

/** An If-Match precondition no longer holds: someone else changed the record. */
export class StaleVersionError extends DomainError {
  readonly code = 'stale-version'
}

/** The request must say which version it changes (If-Match) and did not. */
export class VersionRequiredError extends DomainError {
  readonly code = 'version-required'
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated'
}

/** Signed in, allowed to see the resource, but not to do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden'
  override readonly issues: FieldIssue[]
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message)
    this.issues = issues
  }
}

/** A request body or a batch beyond what the portal takes in one request. */
export class TooLargeError extends DomainError {
  readonly code = 'too-large'
}

/** A body of a media type the route does not take. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported-media-type'
}

/** A dependency (the database, the file store) did not answer in time; the client may retry. */
export class UnavailableError extends DomainError {
  readonly code = 'unavailable'
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}
