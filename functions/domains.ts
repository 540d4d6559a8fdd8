/**
 * One Lambda per domain: which entry file serves which HTTP API routes.
 * infra/ builds one function and its routes from each row; functions/api.ts mounts the
 * same sub-apps in one process for `npm start` and the tests.
 * `table` and `documents` say which grants the function needs (least privilege).
 */
export interface DomainFunction {
  name: string
  entry: string
  routes: string[]
  table: 'read' | 'read-write'
  documents?: 'read' | 'read-write'
}

export const domainFunctions: DomainFunction[] = [
  {
    name: 'identity',
    entry: 'functions/identity/lambda.ts',
    routes: ['GET /api/v1/me', 'GET /api/v1/health', 'GET /api/v1/openapi.json'],
    table: 'read',
  },
  {
    name: 'directory',
    entry: 'functions/directory/lambda.ts',
    routes: ['GET /api/v1/directory', 'GET /api/v1/directory/{partnerId}', 'GET /api/v1/directory/{partnerId}/logo'],
    table: 'read',
    documents: 'read',
  },
  {
    name: 'partners',
    entry: 'functions/partners/lambda.ts',
    routes: [
      'GET /api/v1/partners',
      'POST /api/v1/partners',
      'GET /api/v1/partners/{partnerId}',
      'PATCH /api/v1/partners/{partnerId}',
    ],
    table: 'read-write',
  },
  {
    name: 'catalog',
    entry: 'functions/catalog/lambda.ts',
    routes: [
      'GET /api/v1/partners/{partnerId}/products',
      'POST /api/v1/partners/{partnerId}/products',
      'GET /api/v1/partners/{partnerId}/products/export',
      'POST /api/v1/partners/{partnerId}/products/import',
      'GET /api/v1/partners/{partnerId}/products/{sku}',
      'PUT /api/v1/partners/{partnerId}/products/{sku}',
      'DELETE /api/v1/partners/{partnerId}/products/{sku}',
      'GET /api/v1/partners/{partnerId}/products/{sku}/prices',
    ],
    table: 'read-write',
  },
  {
    name: 'uploads',
    entry: 'functions/uploads/lambda.ts',
    routes: ['POST /api/v1/partners/{partnerId}/uploads', 'GET /api/v1/partners/{partnerId}/documents/{documentId}'],
    table: 'read-write',
    documents: 'read-write',
  },
  {
    name: 'briefings',
    entry: 'functions/briefings/lambda.ts',
    routes: [
      'GET /api/v1/partners/{partnerId}/briefings',
      'POST /api/v1/partners/{partnerId}/briefings',
      'GET /api/v1/partners/{partnerId}/briefings/{id}',
      'POST /api/v1/partners/{partnerId}/briefings/{id}/ack',
      'GET /api/v1/review/briefings',
    ],
    table: 'read-write',
  },
  {
    name: 'audit',
    entry: 'functions/audit/lambda.ts',
    routes: ['GET /api/v1/partners/{partnerId}/audit', 'GET /api/v1/audit'],
    table: 'read',
  },
]

/** Lambdas that answer events rather than HTTP: S3 uploads and schedules. */
export interface EventFunction {
  name: string
  entry: string
  trigger: { kind: 'document-uploaded' } | { kind: 'schedule'; expression: string }
  table: 'read' | 'read-write'
  documents?: 'read' | 'read-write'
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
]
