import { shownEmail, type Actor } from '../roles'
import type { PortalDocument } from '../schemas/document'

/** A document (or part of one) as a reader may see it: no storage keys, staff uploaders shown as "HomeAIQ". */
export function redactDocument<D extends Partial<PortalDocument>>(doc: D, reader: Actor): Omit<D, 'key' | 'storedKey'> {
  const { key: _upload, storedKey: _checked, ...rest } = doc
  return rest.uploadedBy ? { ...rest, uploadedBy: shownEmail(rest.uploadedBy, rest.uploadedByRole, reader) } : rest
}
