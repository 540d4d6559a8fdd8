import { createSign, generateKeyPairSync, createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { Hono } from 'hono'
import { JwtRsaVerifier } from 'aws-jwt-verify'
import type { JwkWithKid } from 'aws-jwt-verify/jwk'
import * as z from 'zod/mini'
import type { PortalUser } from '../../shared/schemas/user'
import { withTimeRules, type AccessClaims, type TokenVerifier } from '../auth/verifier'
import type { UserRepository } from '../data/users'
import { problem, toProblem } from '../http/problem'
import { parseJsonBody } from '../http/validate'

/**
 * The local stand-in for Cognito: signs RS256 access tokens shaped like Cognito's
 * (`sub`, `cognito:groups`, `token_use: access`, `client_id`) for portal users, and hands
 * the same aws-jwt-verify verifier the API uses in AWS its public keys (cacheJwks: the
 * library fetches JWKS over https only). Never bundled into a Lambda.
 */
export const DEV_ISSUER = 'https://dev-idp.homeaiq.localhost'
export const DEV_CLIENT_ID = 'portal-local'
const TOKEN_TTL_SECONDS = 8 * 3600

export interface DevIdp {
  verifier: TokenVerifier
  /** `claims` overrides or (set to undefined) removes standard claims, for tests of refused tokens */
  issueToken(user: PortalUser, opts?: { ttlSeconds?: number; groups?: string[]; claims?: Record<string, unknown> }): string
}

/** `keyFile` keeps the signing key across restarts so a signed-in browser stays signed in. */
export function createDevIdp(opts: { keyFile?: string } = {}): DevIdp {
  const privateKey = loadOrCreateKey(opts.keyFile)
  const kid = 'dev-1'
  const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } as JwkWithKid
  const verifier = JwtRsaVerifier.create({ issuer: DEV_ISSUER, audience: null, jwksUri: `${DEV_ISSUER}/.well-known/jwks.json` })
  verifier.cacheJwks({ keys: [jwk] })

  return {
    verifier: withTimeRules(async (token) => {
      const payload = await verifier.verify(token)
      if (payload.token_use !== 'access' || payload.client_id !== DEV_CLIENT_ID) throw new Error('not a portal access token')
      return payload as unknown as AccessClaims
    }, TOKEN_TTL_SECONDS),
    issueToken(user, { ttlSeconds = TOKEN_TTL_SECONDS, groups = [user.role], claims = {} } = {}) {
      const now = Math.floor(Date.now() / 1000)
      const header = { alg: 'RS256', kid, typ: 'JWT' }
      const payload = {
        sub: user.userId,
        'cognito:groups': groups,
        iss: DEV_ISSUER,
        client_id: DEV_CLIENT_ID,
        token_use: 'access',
        scope: 'openid email',
        username: user.email,
        jti: randomUUID(),
        iat: now,
        exp: now + ttlSeconds,
        ...claims,
      }
      const body = `${b64(header)}.${b64(payload)}`
      const signature = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')
      return `${body}.${signature}`
    },
  }
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

function loadOrCreateKey(keyFile?: string): KeyObject {
  if (keyFile && existsSync(keyFile)) return createPrivateKey(readFileSync(keyFile))
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  if (keyFile) writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  return privateKey
}

const TokenRequest = z.strictObject({ email: z.email() })

/** `/auth/dev/*`: the local sign-in endpoints the web's dev sign-in page uses. */
export function devAuthApp(idp: DevIdp, users: Pick<UserRepository, 'findByEmail'>, demoUsers: () => Promise<unknown[]>) {
  return new Hono()
    .get('/users', async (c) => c.json(await demoUsers()))
    .post('/token', async (c) => {
      const user = await users.findByEmail((await parseJsonBody(TokenRequest, c)).email)
      if (!user) {
        return problem(c, { type: 'not-found', title: 'Unknown user', status: 404, detail: 'No portal user has this e-mail.' })
      }
      return c.json({ access_token: idp.issueToken(user), token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS })
    })
    .onError(toProblem)
}
