/**
 * The parts of the S3 SDK the document storage uses, in one module that `storage.ts` imports
 * lazily: a dynamic import of the SDK packages themselves would keep every command they export.
 */
export { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
export { createPresignedPost } from '@aws-sdk/s3-presigned-post'
export { getSignedUrl } from '@aws-sdk/s3-request-presigner'
