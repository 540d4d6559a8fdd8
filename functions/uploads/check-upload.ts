import { auditEntry } from '../../shared/audit/entry'
import { ConflictError } from '../../shared/errors'
import { anonymous } from '../../shared/roles'
import type { PortalDocument } from '../../shared/schemas/document'
import { checkedKey, checkUploaded, parseDocumentKey } from '../../shared/uploads/rules'
import type { DocumentRepository } from '../data/documents'
import type { DocumentObjects } from './storage'

export interface CheckUploadDeps {
  documents: Pick<DocumentRepository, 'get' | 'saveVerdict'>
  storage: DocumentObjects
  clock: { now(): Date }
  newId(): string
}

/** `discarded`: bytes posted after the document's verdict (or losing a race to it), deleted unchecked. */
export type CheckOutcome = 'ready' | 'rejected' | 'discarded' | 'ignored'

const SNIFF_BYTES = 4096

/**
 * Checks one uploaded object: its real type (magic bytes) and size against what the uploader
 * declared. The upload key stays writable while its presigned POST lives, so the check first
 * copies the object to a key of its own that no POST can name (`checkedKey`), judges that copy,
 * and records the copy as the document's `storedKey` in the same conditional write that ends
 * `pending`: what was checked is exactly what is served. A copy that loses that write, a
 * rejected copy and the upload object itself are deleted; so are bytes posted after the verdict.
 * Keys outside the upload scheme are ignored.
 */
export async function checkUpload(deps: CheckUploadDeps, key: string): Promise<CheckOutcome> {
  const parsed = parseDocumentKey(key)
  if (!parsed) return 'ignored'
  const doc = await deps.documents.get(parsed.partnerId, parsed.documentId)
  if (!doc || doc.key !== key) return 'ignored'
  let outcome: CheckOutcome = 'discarded'
  if (doc.status === 'pending') {
    const stored = checkedKey(doc, deps.newId())
    if (!(await deps.storage.copy(key, stored, doc.contentType))) return 'ignored' // an overlapping check took it
    // on an unexpected error the copy stays: no document names it unless its verdict was recorded
    outcome = await judge(deps, doc, stored)
  }
  // only now: should an attempt fail before its verdict, the retried event still finds the upload
  await deps.storage.remove(key)
  if (outcome === 'discarded') {
    console.warn(
      JSON.stringify({ level: 'warn', message: 'upload discarded: the document has its verdict', key, documentId: doc.id }),
    )
  }
  return outcome
}

async function judge(deps: CheckUploadDeps, doc: PortalDocument, stored: string): Promise<CheckOutcome> {
  const object = await deps.storage.readHead(stored, SNIFF_BYTES)
  if (!object) throw new Error(`the checked copy ${stored} vanished`)
  const verdict = checkUploaded(doc, { key: stored, ...object }, deps.clock.now())
  const audit = auditEntry({
    id: deps.newId(),
    now: deps.clock.now(),
    actor: anonymous,
    partnerId: doc.partnerId,
    entity: { type: 'document', id: doc.id },
    action: `document.${verdict.status}`,
    before: doc,
    after: verdict,
  })
  try {
    await deps.documents.saveVerdict(verdict, audit)
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error
    await deps.storage.remove(stored) // an overlapping check recorded its verdict first
    return 'discarded'
  }
  if (verdict.status === 'rejected') await deps.storage.remove(stored)
  return verdict.status === 'ready' ? 'ready' : 'rejected'
}

/** S3 event keys are URL-encoded with `+` for spaces. */
export const decodeS3Key = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '))
