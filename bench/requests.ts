/**
 * The one representative request each function serves in the cold-init measurement: its
 * everyday read, signed in as the user who makes it, as API Gateway (payload 2.0) or the
 * event source delivers it.
 */
export interface BenchRequest {
  method: string
  path: string
  /** the demo user whose access token signs it; none: anonymous */
  as?: string
  /** e.g. If-Match */
  headers?: Record<string, string>
  body?: unknown
}

const REP = 'dev-rep-lutron'
const ADMIN = 'dev-admin-lutron'
const STAFF = 'dev-staff'

/** HTTP functions: their most frequent read. The floor's path is its own one route. */
export const HTTP_REQUESTS: Record<string, BenchRequest> = {
  floor: { method: 'GET', path: '/floor/PARTNER%23lutron' },
  identity: { method: 'GET', path: '/api/v1/me', as: REP },
  directory: { method: 'GET', path: '/api/v1/directory' },
  partners: { method: 'GET', path: '/api/v1/partners/lutron', as: REP },
  catalog: { method: 'GET', path: '/api/v1/partners/lutron/products', as: REP },
  uploads: { method: 'GET', path: '/api/v1/partners/lutron/documents/01JBENCH000000000000000000', as: REP },
  briefings: { method: 'GET', path: '/api/v1/partners/lutron/briefings', as: REP },
  audit: { method: 'GET', path: '/api/v1/partners/lutron/audit', as: ADMIN },
  notifications: { method: 'GET', path: '/api/v1/me/notifications', as: REP },
  users: { method: 'GET', path: '/api/v1/partners/lutron/users', as: ADMIN },
  leads: { method: 'GET', path: '/api/v1/partners/lutron/leads', as: REP },
  program: { method: 'GET', path: '/api/v1/partners/lutron/scorecard', as: STAFF },
  mdf: { method: 'GET', path: '/api/v1/partners/lutron/mdf/claims', as: REP },
  certifications: { method: 'GET', path: '/api/v1/partners/lutron/certifications', as: REP },
  badges: { method: 'GET', path: '/api/v1/badges/BenchBadge000000000000' },
}

/** An API Gateway HTTP API (payload format 2.0) event. */
export function apiGatewayEvent(req: BenchRequest, token?: string) {
  const [rawPath = '/', rawQueryString = ''] = req.path.split('?')
  const headers: Record<string, string> = { host: 'api.bench.example', 'user-agent': 'portal-bench', accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (req.body !== undefined) headers['content-type'] = 'application/json'
  Object.assign(headers, req.headers)
  return {
    version: '2.0',
    routeKey: `${req.method} ${rawPath}`,
    rawPath: decodeURIComponent(rawPath),
    rawQueryString,
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'api.bench.example',
      domainPrefix: 'api',
      http: { method: req.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'portal-bench' },
      requestId: 'bench-request',
      routeKey: `${req.method} ${rawPath}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
    ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
  }
}

/** Event functions: the event their trigger delivers (a schedule's, an upload's, a stream batch). */
export const EVENTS: Record<string, unknown> = {
  'check-upload': {
    Records: [
      {
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Post',
        s3: {
          bucket: { name: 'portal-bench-documents' },
          object: { key: 'partners/lutron/logo/01JBENCH000000000000000000', size: 1 },
        },
      },
    ],
  },
  'eol-discontinue': scheduled(),
  'notify-dispatch': { Records: [] },
  'lead-offer-expiry': scheduled(),
  'mdf-fund-close': scheduled(),
  'badge-expiry': scheduled(),
}

function scheduled() {
  return {
    version: '0',
    id: 'bench',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    time: new Date().toISOString(),
    detail: {},
  }
}
