import { gzipSync } from 'node:zlib'
import { STATUS_LIST_SIZE } from '../../shared/certifications/credential'

/**
 * A W3C Bitstring Status List's `encodedList`: one bit per badge (1 = revoked), the left-most
 * bit of the first byte being index 0, GZIP-compressed and multibase-encoded (base64url, `u`).
 */
export function encodeStatusList(list: number, revokedIndexes: readonly number[]): string {
  const bits = new Uint8Array(STATUS_LIST_SIZE / 8)
  const first = (list - 1) * STATUS_LIST_SIZE
  for (const index of revokedIndexes) {
    const at = index - first
    if (at < 0 || at >= STATUS_LIST_SIZE) continue
    bits[at >> 3]! |= 0x80 >> (at & 7)
  }
  return `u${gzipSync(bits).toString('base64url')}`
}
