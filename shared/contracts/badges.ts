import * as z from 'zod/mini'
import { BadgeId } from '../schemas/certification-input'
import { access, defineContracts } from './contract'

const BadgeParam = z.strictObject({ badgeId: BadgeId })
const VC_JWT = { contentType: 'application/vc+jwt' } as const

const Jwk = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
  alg: z.literal('ES256'),
  use: z.literal('sig'),
})

/** Public badge verification: no sign-in, cacheable for at most five minutes so a revocation shows quickly. */
export const badges = defineContracts('badges', {
  get: {
    method: 'GET',
    path: '/badges/{badgeId}',
    summary: 'Verify a badge: who holds it, for which program, and whether it is valid now',
    access: access.public,
    params: BadgeParam,
    response: async () => (await import('../schemas/certification')).PublicBadge,
  },
  image: {
    method: 'GET',
    path: '/badges/{badgeId}/badge.svg',
    summary: 'The embeddable badge image, showing its live status',
    access: access.public,
    params: BadgeParam,
    response: { contentType: 'image/svg+xml' },
  },
  credential: {
    method: 'GET',
    path: '/badges/{badgeId}/credential',
    summary: 'The badge as an Open Badges 3.0 OpenBadgeCredential, signed as a VC-JWT (ES256)',
    description:
      'Verify it offline with the key of `/.well-known/jwks.json` named by the JWS `kid`; its `credentialStatus` points ' +
      'into a W3C Bitstring Status List that says whether it was revoked.',
    access: access.public,
    params: BadgeParam,
    response: VC_JWT,
  },
  statusList: {
    method: 'GET',
    path: '/badge-status/{list}',
    summary: 'A revocation status list (W3C BitstringStatusListCredential, signed as a VC-JWT)',
    access: access.public,
    params: z.strictObject({ list: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)) }),
    response: VC_JWT,
  },
  jwks: {
    method: 'GET',
    path: '/.well-known/jwks.json',
    summary: 'The public keys that verify badge credentials (JWK Set)',
    access: access.public,
    response: z.object({ keys: z.array(Jwk) }),
  },
  issuer: {
    method: 'GET',
    path: '/issuer',
    summary: 'The badge issuer’s Open Badges profile (HomeAIQ)',
    access: access.public,
    response: z.looseObject({ id: z.string(), type: z.array(z.string()), name: z.string(), url: z.string() }),
  },
})
