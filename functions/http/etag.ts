import type { Context } from 'hono'
import { ValidationError, VersionRequiredError } from '../../shared/errors'

/** Versioned records travel with a strong ETag `"v<version>"`; writes send it back in If-Match. */
export const etagOf = (version: number) => `"v${version}"`

/** The version the client last saw, from If-Match. Missing: 428; malformed: 400. */
export function expectedVersion(c: Context): number {
  const version = optionalExpectedVersion(c)
  if (version === undefined) throw new VersionRequiredError('Send If-Match with the ETag you last read, so no change is lost.')
  return version
}

/** If-Match when the client sent one (deletes may skip it). */
export function optionalExpectedVersion(c: Context): number | undefined {
  const header = c.req.header('if-match')
  if (!header) return undefined
  const match = /^(?:W\/)?"v(\d{1,9})"$/.exec(header.trim())
  if (!match) throw new ValidationError([{ field: 'If-Match', message: 'Use the ETag value from the last read.' }])
  return Number(match[1])
}
