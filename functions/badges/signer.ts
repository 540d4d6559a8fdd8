import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** A public key as a JWK (EC P-256 here). */
export interface PublicJwk {
  kty: string
  crv?: string
  x?: string
  y?: string
  kid?: string
  alg?: string
  use?: string
}

/**
 * Signs badge credentials with ES256 (ECDSA P-256, SHA-256). The private key never leaves it:
 * in AWS it is a KMS key (kms:Sign), locally a key file under DATA_DIR, in tests a key in memory.
 */
export interface CredentialSigner {
  /** names the key in the JWS header and the JWKS */
  readonly kid: string
  publicJwk(): Promise<PublicJwk>
  /** the JOSE signature of `signingInput`: raw r||s, 64 bytes */
  sign(signingInput: Uint8Array): Promise<Uint8Array>
}

/** What issues badge credentials: the signing key, and the portal's public origin the credentials name. */
export interface BadgeIssuer {
  signer: CredentialSigner
  /** e.g. `https://partners.homeaiq.com`, no trailing slash */
  origin: string
}

/** RFC 7638 thumbprint of an EC public key: a stable kid derived from the key itself. */
export function jwkThumbprint(jwk: PublicJwk): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })
  return createHash('sha256').update(canonical).digest('base64url')
}

const ecJwk = (key: KeyObject): PublicJwk => {
  const { kty, crv, x, y } = (key.type === 'public' ? key : createPublicKey(key)).export({ format: 'jwk' }) as PublicJwk
  return { kty, crv, x, y }
}

/** A signer over a private key held in this process (local runtime and tests). */
export function keySigner(privateKey: KeyObject): CredentialSigner {
  const jwk = ecJwk(privateKey)
  const kid = jwkThumbprint(jwk)
  return {
    kid,
    publicJwk: async () => ({ ...jwk, kid, alg: 'ES256', use: 'sig' }),
    sign: async (input) => sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  }
}

export const memorySigner = () => keySigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey)

/** The local runtime's key: created once under DATA_DIR, so credentials issued yesterday still verify. */
export function fileSigner(keyFile: string): CredentialSigner {
  if (existsSync(keyFile)) return keySigner(createPrivateKey(readFileSync(keyFile)))
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  return keySigner(privateKey)
}

/**
 * An ECDSA signature as KMS returns it (ASN.1 DER `SEQUENCE { INTEGER r, INTEGER s }`) in the
 * JOSE form (r and s as 32-byte big-endian integers, concatenated).
 */
export function derToJose(der: Uint8Array, size = 32): Uint8Array {
  let at = 0
  const expect = (tag: number) => {
    if (der[at++] !== tag) throw new Error('not a DER ECDSA signature')
  }
  const length = () => {
    let len = der[at++]!
    if (len & 0x80) {
      const bytes = len & 0x7f
      len = 0
      for (let i = 0; i < bytes; i++) len = (len << 8) | der[at++]!
    }
    return len
  }
  expect(0x30)
  length()
  const integer = () => {
    expect(0x02)
    const len = length()
    let value = der.subarray(at, at + len)
    at += len
    while (value.length > size && value[0] === 0) value = value.subarray(1)
    if (value.length > size) throw new Error('ECDSA integer too long')
    const padded = new Uint8Array(size)
    padded.set(value, size - value.length)
    return padded
  }
  const r = integer()
  const s = integer()
  const out = new Uint8Array(size * 2)
  out.set(r, 0)
  out.set(s, size)
  return out
}

/**
 * The KMS key (ECC_NIST_P256, SIGN_VERIFY) of the deployment. The SDK client loads on the first
 * signature or key request, so the routes that never sign do not pay for it at cold start.
 */
export function kmsSigner(keyArn: string): CredentialSigner {
  type Kms = typeof import('./kms-sdk')
  let sdk: Promise<Kms> | undefined
  let client: Promise<InstanceType<Kms['KMSClient']>> | undefined
  let jwk: Promise<PublicJwk> | undefined
  const kms = () => (sdk ??= import('./kms-sdk'))
  const kmsClient = () => (client ??= kms().then((m) => new m.KMSClient({})))
  const kid = keyArn.split('/').pop() ?? keyArn
  return {
    kid,
    publicJwk: () =>
      (jwk ??= (async () => {
        const { GetPublicKeyCommand } = await kms()
        const out = await (await kmsClient()).send(new GetPublicKeyCommand({ KeyId: keyArn }))
        if (!out.PublicKey) throw new Error('KMS returned no public key')
        const key = createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' })
        return { ...ecJwk(key), kid, alg: 'ES256', use: 'sig' }
      })()),
    async sign(input) {
      const { SignCommand } = await kms()
      const out = await (
        await kmsClient()
      ).send(new SignCommand({ KeyId: keyArn, Message: input, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }))
      if (!out.Signature) throw new Error('KMS returned no signature')
      return derToJose(out.Signature)
    },
  }
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A compact JWS (ES256) of `payload`, with the signer's kid in the protected header. */
export async function signJws(signer: CredentialSigner, payload: object, typ: string): Promise<string> {
  const signingInput = `${b64url({ alg: 'ES256', kid: signer.kid, typ })}.${b64url(payload)}`
  const signature = await signer.sign(new TextEncoder().encode(signingInput))
  return `${signingInput}.${Buffer.from(signature).toString('base64url')}`
}
