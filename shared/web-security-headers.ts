/**
 * The security headers of the web pages, defined once: CloudFront's response headers policy
 * (infra/stacks/web-stack.ts) and the local twin (functions/local/portal.ts) both build theirs
 * from here, so a page served by `npm start` meets the same Content-Security-Policy as in AWS.
 */
export interface WebOrigins {
  /** where the browser uploads to and loads logos from (S3, or the local stand-in) */
  storage: string[]
  /** the sign-in service's API (Cognito; none locally: dev sign-in is same-origin) */
  identity: string[]
  /** the hosted sign-in pages a form may post to */
  signIn: string[]
}

/** Scripts only from the site itself: no inline script, no other origin (the token stays in this origin's storage). */
export function contentSecurityPolicy({ storage, identity, signIn }: WebOrigins): string {
  const list = (...sources: string[]) => sources.filter(Boolean).join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${list("'self'", 'data:', 'blob:', ...storage)}`,
    "font-src 'self'",
    `connect-src ${list("'self'", ...storage, ...identity)}`,
    `form-action ${list("'self'", ...storage, ...signIn)}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

export const FRAME_OPTIONS = 'DENY'
export const REFERRER_POLICY = 'strict-origin-when-cross-origin'
/** two years, subdomains included (HTTPS only: the local twin, on http://, sends none) */
export const HSTS_MAX_AGE_DAYS = 730
export const EXTRA_WEB_HEADERS: Record<string, string> = {
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/** Every header a web page carries, as the local twin sends them. */
export function webSecurityHeaders(origins: WebOrigins): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': FRAME_OPTIONS,
    'Referrer-Policy': REFERRER_POLICY,
    ...EXTRA_WEB_HEADERS,
  }
}
