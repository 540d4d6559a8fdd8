import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import { createPresignedPost } from '@aws-sdk/s3-presigned-post'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

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

export function s3Storage(bucket: string, config: S3ClientConfig = {}): DocumentStorage {
  // Recent SDKs add flexible checksums to presigned requests; browsers cannot compute them.
  const s3 = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...config })
  return {
    async presignPost(key, contentType, size, expiresSeconds) {
      return createPresignedPost(s3, {
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
      getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        }),
        { expiresIn: DOWNLOAD_SECONDS },
      ),
    presignView: (key) =>
      getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key, ResponseCacheControl: 'public, max-age=3600' }), {
        expiresIn: 3600,
      }),
    async readHead(key, bytes) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
        const size = head.ContentLength ?? 0
        if (size === 0) return { head: new Uint8Array(), size }
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${bytes - 1}` }))
        const body = await object.Body!.transformToByteArray()
        return { head: body.subarray(0, bytes), size }
      } catch (error) {
        if (isGone(error)) return undefined
        throw error
      }
    },
    async copy(from, to, contentType) {
      try {
        await s3.send(
          new CopyObjectCommand({
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
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    },
  }
}
