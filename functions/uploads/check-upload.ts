import { checkUploaded, parseDocumentKey } from '../../shared/uploads/rules'
import type { DocumentRepository } from '../data/documents'
import type { DocumentStorage } from './storage'

export interface CheckUploadDeps {
  documents: Pick<DocumentRepository, 'get' | 'saveVerdict'>
  storage: Pick<DocumentStorage, 'readHead' | 'remove'>
  clock: { now(): Date }
}

const SNIFF_BYTES = 4096

/**
 * Checks one uploaded object: its real type (magic bytes) and size against what the uploader
 * declared. Marks the document ready, or rejected and deletes the object, so nothing
 * unchecked can ever be attached or downloaded. Keys outside the upload scheme are ignored.
 */
export async function checkUpload(deps: CheckUploadDeps, key: string): Promise<'ready' | 'rejected' | 'ignored'> {
  const parsed = parseDocumentKey(key)
  if (!parsed) return 'ignored'
  const doc = await deps.documents.get(parsed.partnerId, parsed.documentId)
  if (!doc || doc.status !== 'pending' || doc.key !== key) return 'ignored'
  const object = await deps.storage.readHead(key, SNIFF_BYTES)
  if (!object) return 'ignored'
  const verdict = checkUploaded(doc, object, deps.clock.now())
  if (verdict.status === 'rejected') await deps.storage.remove(key)
  await deps.documents.saveVerdict(verdict)
  return verdict.status === 'ready' ? 'ready' : 'rejected'
}

/** S3 event keys are URL-encoded with `+` for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '))
