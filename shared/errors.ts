/**
 * Domain errors: what went wrong in business terms, with no HTTP in sight.
 * functions/http/problem.ts is the only place that maps them to status codes.
 */
export interface FieldIssue {
  /** dotted path of the offending field, e.g. `contact.email` or `rows.3.mapCents` */
  field: string
  message: string
}

export abstract class DomainError extends Error {
  abstract readonly code: string
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }
}

/** Input that does not satisfy a schema or a rule; carries every offending field. */
export class ValidationError extends DomainError {
  readonly code = 'validation'
  constructor(
    readonly issues: FieldIssue[],
    message = 'The request has invalid fields.',
  ) {
    super(message)
  }
}

/** Well-formed input that a business rule refuses in the current state. */
export class RuleViolationError extends DomainError {
  readonly code = 'rule-violation'
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
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
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
  }
}
