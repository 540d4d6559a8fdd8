import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { s3Links } from '../../functions/uploads/presign'

/**
 * The portal signs its S3 links itself (functions/uploads/presign.ts) so the link-only functions
 * do not carry the S3 client. s3rver does not check SigV4 signatures, so the integration tests
 * cannot tell a wrong one: here every link is compared with what the SDK's own presigners
 * (dev dependencies, for this test only) make of the same request at the same instant.
 */
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjE+session/token==',
}
const bucket = 'homeaiq-documents-1a2b3c'
const key = 'checked/lutron/spec-sheet/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ/01JDQ7Z8X9Y0ABCDEFGHJKMNPR'
const filename = 'Datenblatt „Überblick“ (v2) *final*.pdf'

beforeAll(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T10:11:12.345Z'), toFake: ['Date'] })
})
afterAll(() => {
  vi.useRealTimers()
})

/** A URL as its parts, the query as a sorted list: the order of parameters carries no meaning. */
const parts = (link: string) => {
  const url = new URL(link)
  return { origin: url.origin, pathname: url.pathname, query: [...url.searchParams].sort(([a], [b]) => a.localeCompare(b)) }
}

describe.each([
  ['AWS, virtual-hosted', { region: 'eu-west-1' }],
  ['us-east-1', { region: 'us-east-1' }],
  ['s3rver, path-style', { region: 'us-east-1', endpoint: 'http://127.0.0.1:4569' }],
])('presigned links on %s', (_, where) => {
  const sdk = new S3Client({
    region: where.region,
    credentials,
    ...('endpoint' in where ? { endpoint: where.endpoint, forcePathStyle: true } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const ours = s3Links({ bucket, credentials, ...where })

  it('signs a download exactly as the SDK does', async () => {
    const disposition = `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`
    const expected = await getSignedUrl(
      sdk,
      new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: disposition }),
      {
        expiresIn: 300,
      },
    )
    const link = await ours.presignGet(key, filename)
    expect(parts(link)).toEqual(parts(expected))
    expect(new URL(link).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
  })

  it('signs an inline view exactly as the SDK does', async () => {
    const expected = await getSignedUrl(
      sdk,
      new GetObjectCommand({ Bucket: bucket, Key: key, ResponseCacheControl: 'public, max-age=3600' }),
      { expiresIn: 3600 },
    )
    expect(parts(await ours.presignView(key))).toEqual(parts(expected))
  })

  it('signs an upload policy exactly as the SDK does', async () => {
    const uploadKey = 'uploads/lutron/spec-sheet/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ'
    const expected = await createPresignedPost(sdk, {
      Bucket: bucket,
      Key: uploadKey,
      Conditions: [
        ['content-length-range', 1234, 1234],
        ['eq', '$Content-Type', 'application/pdf'],
      ],
      Fields: { 'Content-Type': 'application/pdf' },
      Expires: 600,
    })
    const post = await ours.presignPost(uploadKey, 'application/pdf', 1234, 600)
    expect(post).toEqual(expected)
  })
})
