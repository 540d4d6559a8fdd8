import { CognitoJwtVerifier } from 'aws-jwt-verify'

/** The claims the portal reads from an access token (Cognito's shape, also used by the dev issuer). */
export interface AccessClaims {
  sub: string
  'cognito:groups'?: string[]
}

/** Verifies a bearer token's signature, issuer, expiry and token use; throws when any fails. */
export interface TokenVerifier {
  verify(token: string): Promise<AccessClaims>
}

/** In AWS: Cognito access tokens of the portal's app client; JWKS fetched once and cached per container. */
export function cognitoVerifier(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' })
  return { verify: async (token) => (await verifier.verify(token)) as unknown as AccessClaims }
}
