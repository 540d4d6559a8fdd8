import type { Context } from 'hono'
import { StaleVersionError, ValidationError, VersionRequiredError } from '../../shared/errors'

export { etagOf } from '../../shared/contracts/contract'

/**
 * The version named by If-Match. Missing: 428. A weak ETag (`W/"v3"`) never satisfies
 * If-Match (RFC 9110 strong comparison): 412. Anything else that is not our ETag: 400.
 */
export function expectedVersion(c: Context): number {
  const header = c.req.header('if-match')?.trim()
  if (!header) throw new VersionRequiredError('Send If-Match with the ETag you last read, so no change is lost.')
  if (header.startsWith('W/')) throw new StaleVersionError('A weak ETag cannot match: send the ETag exactly as read.')
  const match = /^"v(\d{1,9})"$/.exec(header)
  if (!match) throw new ValidationError([{ field: 'If-Match', message: 'Use the ETag value from the last read.' }])
  return Number(match[1])
}

/** The version If-Match names where sending it is the caller's choice; absent when it is not sent. */
export const optionalExpectedVersion = (c: Context): number | undefined =>
  c.req.header('if-match')?.trim() ? expectedVersion(c) : undefined
