/**
 * The bench's stand-ins for AWS: DynamoDB Local (started as the local twin starts it) behind a
 * recording proxy, s3rver, the demo data, and a Cognito-shaped key server with tokens signed
 * for the demo users, so signed-in requests go the whole way a deployed one goes.
 */
import { createSign, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { KeyObject } from 'node:crypto'
import { createDevIdp } from '../functions/local/dev-idp'
import { localDeps, uploadCheckListener } from '../functions/local/local-deps'
import { seedDemoData } from '../functions/local/seed'
import { ensureTable, freePort, startDynamoDb, startS3 } from '../functions/local/services'
import { LOCAL_VALUES } from './functions'

/** One DynamoDB request as the proxy saw it. */
export interface DynamoCall {
  op: string
  /** the request as the SDK sent it (before the proxy asked for capacity), to replay it raw */
  request: { headers: Record<string, string>; body: string }
  /** epoch ms the request arrived and its answer left */
  at: number
  end: number
  capacity: number
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems'])

/** Read and write request units of a set of calls (on-demand bills what the table reports consumed). */
export function requestUnits(calls: DynamoCall[]) {
  const sum = (xs: DynamoCall[]) => Math.round(xs.reduce((s, c) => s + c.capacity, 0) * 10) / 10
  return { read: sum(calls.filter((c) => READS.has(c.op))), write: sum(calls.filter((c) => !READS.has(c.op))) }
}

/** Sequential round trips of a set of calls: calls that overlap in time (a Promise.all) are one. */
export function roundTrips(calls: DynamoCall[]): number {
  let trips = 0
  let until = -Infinity
  for (const c of [...calls].sort((a, b) => a.at - b.at)) {
    if (c.at >= until) trips++
    until = Math.max(until, c.end)
  }
  return trips
}

/**
 * Forwards DynamoDB requests to DynamoDB Local, asking each for its consumed capacity
 * (`ReturnConsumedCapacity: TOTAL`) and recording the operation and the capacity it used.
 * DynamoDB Local does not check request signatures, so the rewritten body is accepted.
 */
async function recordingProxy(target: string) {
  const calls: DynamoCall[] = []
  const upstream = new URL(target)
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? 'unknown'
      let body = Buffer.concat(chunks)
      const request = { headers: stringHeaders(req.headers), body: body.toString('utf8') }
      try {
        const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>
        json.ReturnConsumedCapacity ??= 'TOTAL'
        body = Buffer.from(JSON.stringify(json))
      } catch {
        // not JSON: forward as it came
      }
      const call: DynamoCall = { op, request, at: Date.now(), end: Date.now(), capacity: 0 }
      calls.push(call)
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'content-length': String(body.length), host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = []
          answer.on('data', (c: Buffer) => parts.push(c))
          answer.on('end', () => {
            const out = Buffer.concat(parts)
            call.capacity = consumedCapacity(out)
            call.end = Date.now()
            res.writeHead(answer.statusCode ?? 500, answer.headers)
            res.end(out)
          })
        },
      )
      forward.on('error', (error) => {
        res.writeHead(502)
        res.end(String(error))
      })
      forward.end(body)
    })
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    /** the calls recorded since `from` (epoch ms) and before `to` */
    between: (from: number, to = Infinity) => calls.filter((c) => c.at >= from && c.at < to),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const stringHeaders = (headers: http.IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))

/** Sends a recorded DynamoDB request straight to `endpoint`; resolves when its answer has arrived. */
export function replay(endpoint: string, call: DynamoCall, agent: http.Agent): Promise<void> {
  const url = new URL(endpoint)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        agent,
        headers: { ...call.request.headers, host: url.host },
      },
      (res) => {
        const parts: Buffer[] = []
        res
          .on('data', (c: Buffer) => parts.push(c))
          .on('end', () =>
            res.statusCode === 200
              ? resolve()
              : reject(new Error(`${call.op}: ${res.statusCode} ${Buffer.concat(parts).toString('utf8').slice(0, 300)}`)),
          )
      },
    )
    req.on('error', reject)
    req.end(call.request.body)
  })
}

function consumedCapacity(body: Buffer): number {
  try {
    const json = JSON.parse(body.toString('utf8')) as { ConsumedCapacity?: unknown }
    const list = Array.isArray(json.ConsumedCapacity)
      ? json.ConsumedCapacity
      : json.ConsumedCapacity
        ? [json.ConsumedCapacity]
        : []
    return (list as { CapacityUnits?: number }[]).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0)
  } catch {
    return 0
  }
}

/** A Cognito user pool's signing side (its JWKS served on loopback, access tokens for any user id), and SES's front door. */
async function cognitoStandIn() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = 'bench-key'
  const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] })
  // the same loopback server stands in for SES (the dispatcher's e-mails): every POST is "sent"
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(req.method === 'POST' ? JSON.stringify({ MessageId: `bench-${Date.now()}` }) : jwks)
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const issuer = `https://cognito-idp.${LOCAL_VALUES.USER_POOL_ID!.split('_')[0]}.amazonaws.com/${LOCAL_VALUES.USER_POOL_ID}`
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sesEndpoint: `http://127.0.0.1:${port}`,
    tokenFor: (sub: string) => signJwt(privateKey, kid, issuer, sub),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function signJwt(key: KeyObject, kid: string, iss: string, sub: string): string {
  const now = Math.floor(Date.now() / 1000)
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const claims = {
    sub,
    iss,
    client_id: LOCAL_VALUES.USER_POOL_CLIENT_ID,
    token_use: 'access',
    scope: 'openid',
    iat: now,
    exp: now + 3000,
  }
  const input = `${part({ alg: 'RS256', kid, typ: 'JWT' })}.${part(claims)}`
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`
}

export type BenchServices = Awaited<ReturnType<typeof startBenchServices>>

export async function startBenchServices() {
  const dynamo = await startDynamoDb({ port: await freePort() })
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-s3-'))
  const s3 = await startS3({ port: await freePort(), dataDir, buckets: [LOCAL_VALUES.DOCUMENTS_BUCKET!] })
  const proxy = await recordingProxy(dynamo.endpoint)
  const cognito = await cognitoStandIn()
  const table = LOCAL_VALUES.TABLE_NAME!
  await ensureTable(dynamo.endpoint, table)
  const deps = localDeps({
    dynamoEndpoint: dynamo.endpoint,
    table,
    s3Endpoint: s3.endpoint,
    bucket: LOCAL_VALUES.DOCUMENTS_BUCKET!,
    verifier: createDevIdp().verifier,
  })
  // the demo data's uploads are checked as in `npm start`
  s3.onEvent(uploadCheckListener(deps))
  await seedDemoData(deps)
  return {
    dynamo,
    proxy,
    cognito,
    deps,
    s3,
    async stop() {
      await cognito.stop()
      await proxy.stop()
      await s3.stop()
      await dynamo.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
