/**
 * The documents bucket (the real S3 in AWS, s3rver locally), in two parts: the links the API
 * hands out (./presign.ts, signed without the S3 client) and the bytes the upload check reads
 * and moves (./s3-objects.ts).
 */
export interface DocumentLinks {
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
}

/** What the upload check does with the bytes themselves. */
export interface DocumentObjects {
  /** the object's size and first bytes, or undefined when it is gone */
  readHead(key: string, bytes: number): Promise<{ head: Uint8Array; size: number } | undefined>
  /** a server-side copy stored as `contentType`; false when `from` is gone */
  copy(from: string, to: string, contentType: string): Promise<boolean>
  remove(key: string): Promise<void>
}

/** Both, as the local twin has them in one process (s3rver). */
export type DocumentStorage = DocumentLinks & DocumentObjects
