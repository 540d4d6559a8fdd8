import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3'

/** The documents bucket as the portal uses it; the real S3 in AWS, s3rver locally. */
export interface DocumentStorage {
  /** a browser POST that S3 accepts only for this key, this content type and exactly `size` bytes */
  presignPost(
    key: string,
    contentType: string,
    size: number,
    expiresSeconds: number,
  ): Promise<{ url: string; fields: Record<string, string> }>
  /** a short-lived download that saves as `filename` rather than rendering in the portal's origin */
  presignGet(key: string, filename: string): Promise<string>
  /** a short-lived inline view of a checked image (logos), cacheable by browsers */
  presignView(key: string): Promise<string>
  /** the object's size and first bytes, or undefined when it is gone */
  readHead(key: string, bytes: number): Promise<{ head: Uint8Array; size: number } | undefined>
  /** a server-side copy stored as `contentType`; false when `from` is gone */
  copy(from: string, to: string, contentType: string): Promise<boolean>
  remove(key: string): Promise<void>
}

const isGone = (error: unknown) => error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')

const DOWNLOAD_SECONDS = 300

/**
 * The S3 SDK (client, presigners) loads on the first call that needs it, and the client is
 * made once per container: a function whose request touches no document (most directory and
 * upload requests) does not pay for it at cold start.
 */
export function s3Storage(bucket: string, config: S3ClientConfig = {}): DocumentStorage {
  let client: Promise<{ sdk: typeof import('./s3-sdk'); s3: S3Client }> | undefined
  const s3Client = () =>
    (client ??= import('./s3-sdk').then((sdk) => ({
      sdk,
      // Recent SDKs add flexible checksums to presigned requests; browsers cannot compute them.
      s3: new sdk.S3Client({
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...config,
      }),
    })))
  const presignedGet = async (
    input: { Key: string; ResponseContentDisposition?: string; ResponseCacheControl?: string },
    expiresIn: number,
  ) => {
    const { sdk, s3 } = await s3Client()
    return sdk.getSignedUrl(s3, new sdk.GetObjectCommand({ Bucket: bucket, ...input }), { expiresIn })
  }
  return {
    async presignPost(key, contentType, size, expiresSeconds) {
      const { sdk, s3 } = await s3Client()
      return sdk.createPresignedPost(s3, {
        Bucket: bucket,
        Key: key,
        Conditions: [
          ['content-length-range', size, size],
          ['eq', '$Content-Type', contentType],
        ],
        Fields: { 'Content-Type': contentType },
        Expires: expiresSeconds,
      })
    },
    presignGet: (key, filename) =>
      presignedGet(
        {
          Key: key,
          ResponseContentDisposition: `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        },
        DOWNLOAD_SECONDS,
      ),
    presignView: (key) => presignedGet({ Key: key, ResponseCacheControl: 'public, max-age=3600' }, 3600),
    async readHead(key, bytes) {
      const { sdk, s3 } = await s3Client()
      try {
        const head = await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }))
        const size = head.ContentLength ?? 0
        if (size === 0) return { head: new Uint8Array(), size }
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${bytes - 1}` }))
        const body = await object.Body!.transformToByteArray()
        return { head: body.subarray(0, bytes), size }
      } catch (error) {
        if (isGone(error)) return undefined
        throw error
      }
    },
    async copy(from, to, contentType) {
      const { sdk, s3 } = await s3Client()
      try {
        await s3.send(
          new sdk.CopyObjectCommand({
            Bucket: bucket,
            Key: to,
            CopySource: encodeURI(`${bucket}/${from}`),
            MetadataDirective: 'REPLACE',
            ContentType: contentType,
          }),
        )
        return true
      } catch (error) {
        if (isGone(error)) return false
        throw error
      }
    },
    async remove(key) {
      const { sdk, s3 } = await s3Client()
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },
  }
}
