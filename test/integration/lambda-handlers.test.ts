/**
 * The deploy-shaped test: every Lambda bundle, built exactly as CDK builds it, is imported in
 * this process with the environment CDK gives it and invoked with real API Gateway HTTP API
 * (payload 2.0) events for EVERY route contract of its domain, against DynamoDB Local. A route
 * that is deployed on a function but not served by it (or the reverse), a bundle that only
 * breaks in Lambda, or a base64 body the app cannot read fails here.
 */
import { generateKeyPairSync, randomBytes, randomUUID, createSign, sign } from 'node:crypto'
import { EventEmitter } from 'node:events'
import https from 'node:https'
import { syncBuiltinESMExports } from 'node:module'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { pathToFileURL } from 'node:url'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { domainFunctions } from '../../functions/domains'
import { roleAllowed } from '../../shared/contracts/contract'
import { createDb } from '../../functions/data/db'
import { seedBase } from '../../functions/local/seed'
import { ensureTable, LOCAL_AWS } from '../../functions/local/services'
import { portalBuildOptions } from '../../infra/constructs/bundling'
import { removeTempDirs, tempDir } from '../infra/fixture'
import { CONTRACTS, exampleBody, examplePath } from '../helpers/contracts'

const REGION = 'eu-west-1'
const POOL = 'eu-west-1_DeployTest1'
const CLIENT = 'deploytestclient'
const ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${POOL}`
const table = `lambda-${randomBytes(4).toString('hex')}`

type Handler = (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>
const handlers = new Map<string, Handler>()
const savedEnv = { ...process.env }
const originalRequest = https.request

/** Cognito's signing key for this test, and its JWKS where aws-jwt-verify fetches it. */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'RS256', use: 'sig' }] })

function cognitoToken(sub: string): string {
  const now = Math.floor(Date.now() / 1000)
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const body = `${b64({ alg: 'RS256', kid: 'test-1' })}.${b64({
    sub,
    iss: ISSUER,
    client_id: CLIENT,
    token_use: 'access',
    scope: 'openid',
    jti: randomUUID(),
    iat: now,
    exp: now + 600,
  })}`
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`
}

/** The badge signing key KMS holds for this test: it answers GetPublicKey and Sign (DER signatures, as KMS does). */
const kmsKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const KMS_KEY_ARN = `arn:aws:kms:${REGION}:123456789012:key/6f1d2c3b-deploy-test`

function kmsAnswer(target: string, body: string): object {
  const input = JSON.parse(body) as { KeyId: string; Message?: string }
  if (input.KeyId !== KMS_KEY_ARN) throw new Error(`unexpected key ${input.KeyId}`)
  if (target.endsWith('.GetPublicKey')) {
    return {
      KeyId: KMS_KEY_ARN,
      KeySpec: 'ECC_NIST_P256',
      KeyUsage: 'SIGN_VERIFY',
      PublicKey: kmsKey.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    }
  }
  if (target.endsWith('.Sign')) {
    const signature = sign('sha256', Buffer.from(input.Message!, 'base64'), { key: kmsKey.privateKey, dsaEncoding: 'der' })
    return { KeyId: KMS_KEY_ARN, Signature: signature.toString('base64'), SigningAlgorithm: 'ECDSA_SHA_256' }
  }
  throw new Error(`unexpected KMS call ${target}`)
}

/** A stand-in for the KMS endpoint the badges bundle calls (the SDK passes request options, then ends with the JSON body). */
function fakeKmsRequest(options: { headers?: Record<string, string> }, callback: (res: PassThrough) => void) {
  return Object.assign(new EventEmitter(), {
    setTimeout() {},
    destroy() {},
    write() {},
    end(body?: Buffer | string) {
      const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
      const json = JSON.stringify(kmsAnswer(headers['x-amz-target'] ?? '', String(body ?? '{}')))
      const res = Object.assign(new PassThrough(), { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } })
      callback(res)
      res.end(json)
    },
  })
}

/** Answers the https calls the bundles make (the JWKS, KMS); anything else would be a test bug. */
function fakeJwksRequest(uri: unknown, ...rest: unknown[]) {
  const target = typeof uri === 'object' && uri !== null ? (uri as { host?: string; hostname?: string }) : undefined
  const host = target?.host ?? target?.hostname
  if (host === `kms.${REGION}.amazonaws.com`)
    return fakeKmsRequest(uri as never, rest.find((r) => typeof r === 'function') as never)
  if (!String(uri).startsWith(`${ISSUER}/.well-known/jwks.json`))
    return (originalRequest as (...a: unknown[]) => unknown)(uri, ...rest)
  const callback = rest.find((r) => typeof r === 'function') as (
    res: PassThrough & { statusCode: number; headers: object },
  ) => void
  const req = Object.assign(new EventEmitter(), {
    end() {
      const res = Object.assign(new PassThrough(), { statusCode: 200, headers: { 'content-type': 'application/json' } })
      callback(res)
      res.end(jwks)
    },
    destroy() {},
    socket: undefined,
  })
  return req
}

function eventFor(
  method: string,
  rawPath: string,
  opts: { body?: string; contentType?: string; base64?: boolean; token?: string } = {},
) {
  const [pathOnly, query = ''] = rawPath.split('?')
  return {
    version: '2.0',
    routeKey: `${method} ${pathOnly}`,
    rawPath: pathOnly!,
    rawQueryString: query,
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.contentType ? { 'content-type': opts.contentType } : {}),
      'if-match': '"v1"',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: pathOnly!, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: `req-${randomUUID()}`,
      routeKey: `${method} ${pathOnly}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(opts.body !== undefined
      ? { body: opts.base64 ? Buffer.from(opts.body).toString('base64') : opts.body, isBase64Encoded: !!opts.base64 }
      : { isBase64Encoded: false }),
  } as unknown as APIGatewayProxyEventV2
}

const lambdaContext = { awsRequestId: 'ctx-1', getRemainingTimeInMillis: () => 10_000 }
const invoke = (name: string, event: APIGatewayProxyEventV2) => handlers.get(name)!(event, lambdaContext)

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint')
  await ensureTable(endpoint, table)
  const db = createDb(table, { endpoint, ...LOCAL_AWS })
  await seedBase({ db, clock: { now: () => new Date() }, newId: () => randomUUID() })
  Object.assign(process.env, {
    TABLE_NAME: table,
    DOCUMENTS_BUCKET: 'deploy-test-documents',
    USER_POOL_ID: POOL,
    USER_POOL_CLIENT_ID: CLIENT,
    CURSOR_KEY: 'deploy-test-cursor-key',
    BADGE_SIGNING_KEY_ARN: KMS_KEY_ARN,
    PUBLIC_ORIGIN: 'https://portal.example',
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
  })
  ;(https as { request: unknown }).request = fakeJwksRequest
  syncBuiltinESMExports()
  const outDir = path.join(tempDir('portal-lambda-events'), 'node_modules')
  for (const fn of domainFunctions) {
    const dir = path.join(outDir, fn.name)
    await build(portalBuildOptions(fn.entry, dir))
    const mod = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'index.mjs')).href)) as { handler: Handler }
    handlers.set(fn.name, mod.handler)
  }
}, 120_000)

afterAll(() => {
  ;(https as { request: unknown }).request = originalRequest
  syncBuiltinESMExports()
  process.env = savedEnv
  removeTempDirs()
})

const staffToken = () => cognitoToken('dev-staff')

describe.each(domainFunctions.map((fn) => [fn.name, fn] as const))('the %s Lambda', (name) => {
  const contracts = CONTRACTS.filter((c) => c.domain === name)

  it.each(contracts.map((c) => [`${c.method} ${c.path}`, c] as const))('serves %s from an HTTP API event', async (_, c) => {
    const example = exampleBody(c)
    const body = 'body' in example ? JSON.stringify(example.body) : 'rawBody' in example ? example.rawBody : undefined
    const res = await invoke(
      name,
      eventFor(c.method, `/api/v1${examplePath(c)}`, {
        // staff, or a partner admin on the routes only a partner's own users may call
        token: roleAllowed(c.access, 'staff') ? staffToken() : cognitoToken('dev-admin-lutron'),
        ...(body !== undefined ? { body, contentType: example.headers?.['content-type'] ?? 'application/json' } : {}),
      }),
    )
    expect(res.statusCode, String(res.body)).toBeLessThan(500)
    if (res.statusCode === 404) expect(JSON.parse(String(res.body)).detail).not.toBe('No such route.')
    expect([401, 403]).not.toContain(res.statusCode)
  })
})

describe('through API Gateway', () => {
  it('reads a base64-encoded text/csv body: the catalog import', async () => {
    const csv =
      'sku,name,category,msrpCents,mapCents,lifecycle,protocols,leadTimeDays\r\nLMB-1,Lambda dimmer,lighting-control,12995,11995,active,matter,5\r\n'
    const res = await invoke(
      'catalog',
      eventFor('POST', '/api/v1/partners/lutron/products/import', {
        body: csv,
        contentType: 'text/csv',
        base64: true,
        token: staffToken(),
      }),
    )
    expect(res.statusCode, String(res.body)).toBe(200)
    expect(JSON.parse(String(res.body))).toEqual({ created: 1, updated: 0, unchanged: 0 })
  })

  it('signs a badge credential with the KMS key (DER turned into JOSE): it verifies with the published JWKS', async () => {
    const { jwtVerify, createLocalJWKSet } = await import('jose')
    const jwks = await invoke('badges', eventFor('GET', '/api/v1/.well-known/jwks.json'))
    expect(jwks.statusCode, String(jwks.body)).toBe(200)
    const keySet = JSON.parse(String(jwks.body))
    expect(keySet.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: '6f1d2c3b-deploy-test', alg: 'ES256' })
    const list = await invoke('badges', eventFor('GET', '/api/v1/badge-status/1'))
    expect(list.statusCode, String(list.body)).toBe(200)
    // a non-text media type reaches API Gateway base64-encoded; it hands the client the bytes
    const jws = list.isBase64Encoded ? Buffer.from(String(list.body), 'base64').toString() : String(list.body)
    const { payload, protectedHeader } = await jwtVerify(jws, createLocalJWKSet(keySet))
    expect(protectedHeader.kid).toBe('6f1d2c3b-deploy-test')
    expect(payload.iss).toBe('https://portal.example/api/v1/issuer')
  })

  it('answers a request without a token with 401 problem+json and the API Gateway request id', async () => {
    const event = eventFor('GET', '/api/v1/partners/lutron/products')
    const res = await invoke('catalog', event)
    expect(res.statusCode).toBe(401)
    expect(res.headers?.['content-type']).toBe('application/problem+json')
    expect(JSON.parse(String(res.body)).requestId).toBe(event.requestContext.requestId)
  })

  it('answers the $default route: 404 problem+json for an unknown path, the methods for OPTIONS', async () => {
    const unknown = await invoke('identity', eventFor('GET', '/api/v1/nowhere'))
    expect(unknown.statusCode).toBe(404)
    expect(unknown.headers?.['content-type']).toBe('application/problem+json')
    const options = await invoke('identity', eventFor('OPTIONS', '/api/v1/partners/lutron/products/RRD-6NA'))
    expect(options.statusCode).toBe(204)
    expect(String(options.headers?.allow).split(', ').sort()).toEqual(['DELETE', 'GET', 'OPTIONS', 'PUT'])
  })
})
