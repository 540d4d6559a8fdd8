import { auditEntry } from '../../shared/audit/entry'
import type { SignedInActor } from '../../shared/roles'
import type { UploadPurpose } from '../../shared/schemas/document'
import { planUpload } from '../../shared/uploads/rules'
import { documentRepository } from '../data/documents'
import { requireStorage, type Deps } from '../http/deps'
import { demoPdf } from './demo-pdf'

/**
 * Uploads a demo PDF the way the browser does (the document request with its audit entry, then a
 * presigned POST to the bucket) and waits for the bucket's upload event to run the upload check
 * on it, as for a browser's upload. Answers the checked document.
 */
export async function seedUpload(
  deps: Pick<Deps, 'db' | 'newId' | 'storage'>,
  upload: { partnerId: string; by: SignedInActor; purpose: UploadPurpose; filename: string; lines: string[]; now: Date },
) {
  const { partnerId, by, purpose, filename, now } = upload
  const documents = documentRepository(deps.db)
  const bytes = demoPdf(filename.replace(/\.pdf$/, '').replace(/-/g, ' '), upload.lines)
  const doc = planUpload(
    { purpose, contentType: 'application/pdf', size: bytes.length, filename },
    { partnerId, documentId: deps.newId(), uploadedBy: by.email, uploadedByRole: by.role, now },
  )
  await documents.create(
    doc,
    auditEntry({
      id: deps.newId(),
      now,
      actor: by,
      partnerId,
      entity: { type: 'document', id: doc.id },
      action: 'document.requested',
      before: null,
      after: doc,
    }),
  )
  const post = await requireStorage(deps).presignPost(doc.key, doc.contentType, doc.size, 600)
  const form = new FormData()
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value)
  form.append('file', new Blob([new Uint8Array(bytes)], { type: doc.contentType }), filename)
  const posted = await fetch(post.url, { method: 'POST', body: form })
  if (!posted.ok) throw new Error(`demo upload failed: ${posted.status}`)
  for (let waited = 0; ; waited += 50) {
    const checked = await documents.get(partnerId, doc.id)
    if (checked && checked.status !== 'pending') return checked
    if (waited > 15_000) throw new Error(`the upload check did not run for ${doc.key}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
