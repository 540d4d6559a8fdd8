import { shownEmail, type Actor } from '../roles'
import type { PortalDocument } from '../schemas/document'

/** A document (or part of one) as a reader may see it: no storage key, staff uploaders shown as "HomeAIQ". */
export function redactDocument<D extends Partial<PortalDocument>>(doc: D, reader: Actor): Omit<D, 'key'> {
  const { key: _storage, ...rest } = doc
  return rest.uploadedBy ? { ...rest, uploadedBy: shownEmail(rest.uploadedBy, rest.uploadedByRole, reader) } : rest
}
