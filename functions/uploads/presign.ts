import { createHmac } from 'node:crypto'
import { SignatureV4, createScope, getSigningKey } from '@smithy/signature-v4'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { fromEnv } from '@aws-sdk/credential-provider-env'
import { requiredEnv } from '../env-vars'
import { Sha256 } from '../runtime/sha256'
import type { DocumentLinks } from './storage'

/**
 * Presigned S3 GETs and POST policies signed here with SigV4 (@smithy/signature-v4, which every
 * bundle already carries for DynamoDB), the way the SDK's presigners sign them, so the functions
 * that only hand out links (directory, uploads) do not carry the S3 client and its endpoint
 * rules (~130 KB, a third of their bundle). The bytes themselves are read and moved by
 * ./s3-objects.ts, in the upload check alone.
 */
export interface S3Location {
  bucket: string
  region: string
  /** an S3-compatible endpoint (s3rver locally), addressed path-style; AWS's regional endpoint otherwise */
  endpoint?: string | undefined
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
}

const DOWNLOAD_SECONDS = 300
const VIEW_SECONDS = 3600

/** In a Lambda: its region and role credentials; AWS_ENDPOINT_URL_S3, the SDK's own override, when set (the bench). */
export const lambdaDocumentLinks = () =>
  s3Links({
    bucket: requiredEnv('DOCUMENTS_BUCKET'),
    region: requiredEnv('AWS_REGION'),
    endpoint: process.env.AWS_ENDPOINT_URL_S3,
    credentials: fromEnv(),
  })

export function s3Links(location: S3Location): DocumentLinks {
  const signer = new SignatureV4({
    service: 's3',
    region: location.region,
    credentials: location.credentials,
    sha256: Sha256,
    // S3 signs the path as sent: it is encoded once, here, not again by the signer
    uriEscapePath: false,
    applyChecksum: false,
  })
  const bucketUrl = new URL(
    location.endpoint
      ? `${location.endpoint.replace(/\/+$/, '')}/${location.bucket}/`
      : `https://${location.bucket}.s3.${location.region}.amazonaws.com/`,
  )

  // where a browser POSTs, as the SDK names it: the bucket's path (path-style) or its host's root
  const postUrl = location.endpoint ? bucketUrl.href.replace(/\/$/, '') : bucketUrl.href

  async function presignGet(key: string, query: Record<string, string>, expiresIn: number): Promise<string> {
    const path = `${bucketUrl.pathname}${key.split('/').map(escapeUri).join('/')}`
    const signed = await signer.presign(
      {
        method: 'GET',
        protocol: bucketUrl.protocol,
        hostname: bucketUrl.hostname,
        ...(bucketUrl.port ? { port: Number(bucketUrl.port) } : {}),
        path,
        // as the SDK sends GetObject: the operation named in the query
        query: { ...query, 'x-id': 'GetObject' },
        headers: { host: bucketUrl.host, 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      },
      { expiresIn, unsignableHeaders: new Set(['content-type']) },
    )
    const search = Object.entries(signed.query ?? {})
      .map(([name, value]) => `${escapeUri(name)}=${escapeUri(String(value))}`)
      .join('&')
    return `${bucketUrl.origin}${path}?${search}`
  }

  return {
    /** As @aws-sdk/s3-presigned-post builds it: the policy's conditions, then each field as a condition, then the key. */
    async presignPost(key, contentType, size, expiresSeconds) {
      const now = new Date()
      const signingDate = iso8601(now).replace(/[-:]/g, '')
      const shortDate = signingDate.slice(0, 8)
      const credentials = typeof location.credentials === 'function' ? await location.credentials() : location.credentials
      const fields: Record<string, string> = {
        'Content-Type': contentType,
        bucket: location.bucket,
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': `${credentials.accessKeyId}/${createScope(shortDate, location.region, 's3')}`,
        'X-Amz-Date': signingDate,
        ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
      }
      const policy = Buffer.from(
        JSON.stringify({
          expiration: iso8601(new Date(now.getTime() + expiresSeconds * 1000)),
          conditions: [
            ['content-length-range', size, size],
            ['eq', '$Content-Type', contentType],
            ...Object.entries(fields).map(([name, value]) => ({ [name]: value })),
            { key },
          ],
        }),
      ).toString('base64')
      const signingKey = await getSigningKey(Sha256, credentials, shortDate, location.region, 's3')
      const signature = createHmac('sha256', signingKey).update(policy).digest('hex')
      return { url: postUrl, fields: { ...fields, key, Policy: policy, 'X-Amz-Signature': signature } }
    },
    presignGet: (key, filename) =>
      presignGet(
        key,
        {
          'response-content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        },
        DOWNLOAD_SECONDS,
      ),
    presignView: (key) => presignGet(key, { 'response-cache-control': 'public, max-age=3600' }, VIEW_SECONDS),
  }
}

/** RFC 3986 escaping, as SigV4 wants it: encodeURIComponent plus ! ' ( ) * */
const escapeUri = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')
