import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { afterAll, inject } from 'vitest'
import { createApi } from '../../functions/api'
import { createDevIdp } from '../../functions/local/dev-idp'
import { localDeps, uploadCheckListener } from '../../functions/local/local-deps'
import { DOCUMENTS_BUCKET } from '../../functions/local/portal'
import { seedBase } from '../../functions/local/seed'
import { demoUsers } from '../../functions/local/seed-data'
import { ensureTable, freePort, LOCAL_AWS, startS3 } from '../../functions/local/services'
import { assertConforms } from './contracts'
import { recordingMailer } from '../../functions/notifications/mailer'

export interface CallOptions {
  as?: string
  token?: string
  body?: unknown
  rawBody?: string
  headers?: Record<string, string>
}

/**
 * The API in-process (app.request) over a fresh table in the shared DynamoDB Local and this
 * file's own s3rver (its upload events reach the same check the Lambda runs), seeded with the
 * demo partners and users. `as: email` signs the request as that user. `checkUploads: false`
 * leaves s3rver's events unhandled, for tests that run the upload check themselves.
 */
/**
 * `dynamoEndpoint`: a DynamoDB Local of the test's own (to pause or kill it); default the shared one.
 * `checkUploads: false` leaves upload events unhandled, for tests that run the check themselves.
 * `clock`: the time the API's rules see (tests of dates drive it); default the real one.
 */
export async function createTestPortal(opts: { dynamoEndpoint?: string; checkUploads?: boolean; clock?: { now(): Date } } = {}) {
  const table = `it-${randomBytes(6).toString('hex')}`
  const dynamoEndpoint = opts.dynamoEndpoint ?? inject('dynamoEndpoint')
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-s3-'))
  const s3 = await startS3({ port: await freePort(), dataDir, buckets: [DOCUMENTS_BUCKET] })
  afterAll(async () => {
    await s3.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })
  await ensureTable(dynamoEndpoint, table)
  const idp = createDevIdp()
  const mailer = recordingMailer()
  const deps = localDeps({
    dynamoEndpoint,
    table,
    s3Endpoint: s3.endpoint,
    bucket: DOCUMENTS_BUCKET,
    verifier: idp.verifier,
    mailer,
    portalUrl: 'https://portal.test',
  })
  if (opts.clock) deps.clock = opts.clock
  const verdicts = new Map<string, (verdict: string) => void>()
  if (opts.checkUploads !== false) s3.onEvent(uploadCheckListener(deps, (key, verdict) => verdicts.get(key)?.(verdict)))
  await seedBase(deps)
  const api = createApi(deps)
  const users = demoUsers()

  const tokenFor = (email: string) => {
    const user = users.find((u) => u.email === email)
    if (!user) throw new Error(`no demo user ${email}`)
    return idp.issueToken(user)
  }

  async function call(method: string, path: string, opts: CallOptions = {}) {
    const headers: Record<string, string> = { ...opts.headers }
    const token = opts.token ?? (opts.as ? tokenFor(opts.as) : undefined)
    if (token) headers.authorization = `Bearer ${token}`
    let body: string | undefined = opts.rawBody
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await api.request(`/api/v1${path}`, { method, headers, body })
    const text = await res.text()
    const contentType = res.headers.get('content-type') ?? ''
    const json = text && /json/.test(contentType) ? JSON.parse(text) : undefined
    // every answer of every test must be one its route contract declares
    await assertConforms(method, path, { status: res.status, json, contentType })
    return { status: res.status, headers: res.headers, json, text }
  }

  /** Resolves with the upload check's verdict once s3rver's event for `key` has been handled. */
  const verdictFor = (key: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no upload check for ${key}`)), 10_000)
      verdicts.set(key, (verdict) => {
        clearTimeout(timer)
        resolve(verdict)
      })
    })

  /** The keys stored in the documents bucket under `prefix`, to see what an upload check kept. */
  const s3Client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, ...LOCAL_AWS })
  const keysUnder = async (prefix: string) =>
    ((await s3Client.send(new ListObjectsV2Command({ Bucket: DOCUMENTS_BUCKET, Prefix: prefix }))).Contents ?? []).map(
      (o) => o.Key,
    )

  /** Uploads a file the way the browser does (ticket, presigned POST) and answers its document id once checked. */
  async function upload(
    as: string,
    pid: string,
    file: { purpose: string; bytes: Buffer; contentType: string; filename: string },
  ): Promise<{ documentId: string; verdict: string }> {
    const ticket = await call('POST', `/partners/${pid}/uploads`, {
      as,
      body: { purpose: file.purpose, contentType: file.contentType, size: file.bytes.length, filename: file.filename },
    })
    if (ticket.status !== 201) throw new Error(`upload ticket: ${ticket.status} ${ticket.text}`)
    const verdict = verdictFor(ticket.json.fields.key)
    const form = new FormData()
    for (const [k, v] of Object.entries(ticket.json.fields as Record<string, string>)) form.append(k, v)
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), 'file')
    await fetch(ticket.json.url, { method: 'POST', body: form })
    return { documentId: ticket.json.documentId, verdict: await verdict }
  }

  return { api, deps, idp, tokenFor, call, s3, verdictFor, keysUnder, upload, mailer }
}

export type TestPortal = Awaited<ReturnType<typeof createTestPortal>>
