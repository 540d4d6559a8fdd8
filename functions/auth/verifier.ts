import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { ACCESS_TOKEN_MINUTES, tokenTimeProblem } from './token-rules'

/** The claims the portal reads from an access token (Cognito's shape, also used by the dev issuer). */
export interface AccessClaims {
  sub: string
  exp?: number
  iat?: number
}

/** Verifies a bearer token's signature, issuer, audience, times and token use; throws when any fails. */
export interface TokenVerifier {
  verify(token: string): Promise<AccessClaims>
}

/** Adds the time rules every issuer's tokens must meet to a signature check. */
export function withTimeRules(verify: (token: string) => Promise<AccessClaims>, maxLifetimeSeconds: number): TokenVerifier {
  return {
    async verify(token) {
      const claims = await verify(token)
      const problem = tokenTimeProblem(claims, { nowSeconds: Date.now() / 1000, maxLifetimeSeconds })
      if (problem) throw new Error(problem)
      return claims
    },
  }
}

/** In AWS: Cognito access tokens of the portal's app client; JWKS fetched once and cached per container. */
export function cognitoVerifier(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' })
  return withTimeRules(async (token) => (await verifier.verify(token)) as AccessClaims, ACCESS_TOKEN_MINUTES * 60)
}
