import { allContracts } from '../shared/contracts'
import type { Domain } from '../shared/contracts/contract'

/**
 * One Lambda per domain. Its HTTP API routes are not listed here: they are the route
 * contracts of its domain (shared/contracts), the same ones its handlers are registered
 * against, so what a function serves and what infra deploys for it cannot differ.
 * `table` and `documents` say which grants the function needs (least privilege).
 */
export interface DomainFunction {
  name: string
  entry: string
  /** `METHOD /api/v1/path` per route contract of the domain */
  routes: string[]
  table: 'read' | 'read-write'
  documents?: 'read' | 'read-write'
  /** also answers API Gateway's $default route: 404 problems and OPTIONS for unknown paths */
  catchAll?: boolean
  /** creates and disables users in the Cognito user pool */
  userAdmin?: boolean
  /** signs badge credentials: kms:Sign and kms:GetPublicKey on the badge key, and the public origin they name */
  signsBadges?: boolean
}

type FunctionConfig = Omit<DomainFunction, 'name' | 'routes'>

const FUNCTIONS: Record<Domain, FunctionConfig> = {
  identity: { entry: 'functions/identity/lambda.ts', table: 'read', catchAll: true },
  directory: { entry: 'functions/directory/lambda.ts', table: 'read', documents: 'read' },
  partners: { entry: 'functions/partners/lambda.ts', table: 'read-write' },
  catalog: { entry: 'functions/catalog/lambda.ts', table: 'read-write' },
  uploads: { entry: 'functions/uploads/lambda.ts', table: 'read-write', documents: 'read-write' },
  briefings: { entry: 'functions/briefings/lambda.ts', table: 'read-write' },
  audit: { entry: 'functions/audit/lambda.ts', table: 'read' },
  notifications: { entry: 'functions/notifications/lambda.ts', table: 'read-write' },
  users: { entry: 'functions/users/lambda.ts', table: 'read-write', userAdmin: true },
  leads: { entry: 'functions/leads/lambda.ts', table: 'read-write' },
  program: { entry: 'functions/program/lambda.ts', table: 'read-write' },
  mdf: { entry: 'functions/mdf/lambda.ts', table: 'read-write' },
  certifications: { entry: 'functions/certifications/lambda.ts', table: 'read-write' },
  // the public verification routes: read-only, and the only function that may sign
  badges: { entry: 'functions/badges/lambda.ts', table: 'read', signsBadges: true },
}

/** The API routes of a domain, as API Gateway route keys. */
export const routesOf = (domain: Domain) =>
  allContracts()
    .filter((c) => c.domain === domain)
    .map((c) => `${c.method} /api/v1${c.path}`)

export const domainFunctions: DomainFunction[] = Object.entries(FUNCTIONS).map(([name, config]) => ({
  name: name as Domain,
  ...config,
  routes: routesOf(name as Domain),
}))

/** Lambdas that answer events rather than HTTP: S3 uploads and schedules. */
export interface EventFunction {
  name: string
  entry: string
  /**
   * what invokes it: an upload to the documents bucket, a schedule, or a message written to the
   * notification outbox (the table's stream, filtered to outbox inserts, with `expression` as
   * the schedule that catches up on anything the stream missed)
   */
  trigger: { kind: 'document-uploaded' } | { kind: 'schedule'; expression: string } | { kind: 'outbox'; expression: string }
  table: 'read' | 'read-write'
  documents?: 'read' | 'read-write'
  /** sends e-mail through SES */
  mail?: boolean
}

export const eventFunctions: EventFunction[] = [
  {
    name: 'check-upload',
    entry: 'functions/uploads/check-upload-lambda.ts',
    trigger: { kind: 'document-uploaded' },
    table: 'read-write',
    documents: 'read-write',
  },
  {
    name: 'eol-discontinue',
    entry: 'functions/briefings/eol-job-lambda.ts',
    trigger: { kind: 'schedule', expression: 'rate(1 hour)' },
    table: 'read-write',
  },
  {
    name: 'notify-dispatch',
    entry: 'functions/notifications/dispatch-lambda.ts',
    trigger: { kind: 'outbox', expression: 'rate(15 minutes)' },
    table: 'read-write',
    mail: true,
  },
  {
    name: 'lead-offer-expiry',
    entry: 'functions/leads/expiry-job-lambda.ts',
    trigger: { kind: 'schedule', expression: 'rate(5 minutes)' },
    table: 'read-write',
  },
  {
    name: 'mdf-fund-close',
    entry: 'functions/mdf/fund-close-job-lambda.ts',
    trigger: { kind: 'schedule', expression: 'rate(1 hour)' },
    table: 'read-write',
  },
  {
    name: 'badge-expiry',
    entry: 'functions/certifications/expiry-job-lambda.ts',
    trigger: { kind: 'schedule', expression: 'rate(1 hour)' },
    table: 'read-write',
  },
]
