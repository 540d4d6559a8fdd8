/** Cognito access tokens live this long (the app client's accessTokenValidity in infra/stacks/auth-stack.ts). */
export const ACCESS_TOKEN_MINUTES = 60

/** Clock skew tolerated between the issuer and this container. */
const SKEW_SECONDS = 60

/**
 * Checks a verified token's times beyond what the signature library checks: it must expire,
 * must not outlive the issuer's configured lifetime, and must not be issued in the future.
 * Returns the reason it is refused, or undefined.
 */
export function tokenTimeProblem(
  claims: { exp?: unknown; iat?: unknown },
  opts: { nowSeconds: number; maxLifetimeSeconds: number },
): string | undefined {
  const { exp, iat } = claims
  if (typeof exp !== 'number') return 'the token has no expiry'
  if (typeof iat !== 'number') return 'the token has no issue time'
  if (iat > opts.nowSeconds + SKEW_SECONDS) return 'the token is issued in the future'
  if (exp - iat > opts.maxLifetimeSeconds + SKEW_SECONDS) return 'the token lives longer than the issuer allows'
  if (exp <= opts.nowSeconds - SKEW_SECONDS) return 'the token has expired'
  return undefined
}
