import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3'
import type { DocumentObjects } from './storage'

const isGone = (error: unknown) => error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')

/** The bytes of the documents bucket, through the S3 client: only the upload check reads and moves them. */
export function s3Objects(bucket: string, config: S3ClientConfig = {}): DocumentObjects {
  const s3 = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...config })
  return {
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
