import { createHash, createHmac, type BinaryLike } from 'node:crypto'

type SourceData = string | ArrayBuffer | ArrayBufferView

const bytes = (data: SourceData): BinaryLike =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/** SHA-256, or HMAC-SHA-256 with a secret, from node:crypto in the shape @smithy/signature-v4 takes. */
export class Sha256 {
  private readonly hash
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret))
  }
  update(data: SourceData) {
    this.hash.update(bytes(data))
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()))
  }
}
