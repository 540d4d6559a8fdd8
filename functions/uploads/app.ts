import { auditEntry } from '../../shared/audit/entry'
import { uploads } from '../../shared/contracts/uploads'
import { NotFoundError } from '../../shared/errors'
import type { PortalDocument } from '../../shared/schemas/document'
import { planUpload, servedKey, UPLOAD_RULES } from '../../shared/uploads/rules'
import { redactDocument } from '../../shared/uploads/view'
import type { Actor } from '../../shared/roles'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { requireStorage } from '../http/deps'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

const UPLOAD_WINDOW_SECONDS = 600

/** Document uploads: presigned POSTs into the partner's prefix, then the status the upload check sets. */
export const uploadsRoutes = domainRoutes(uploads, (deps) => {
  const { db, clock, newId } = deps
  const storage = requireStorage(deps)
  const documents = documentRepository(db)
  const view = async (doc: PortalDocument, reader: Actor) => {
    const served = servedKey(doc)
    return { ...redactDocument(doc, reader), ...(served ? { downloadUrl: await storage.presignGet(served, doc.filename) } : {}) }
  }

  return {
    start: async (c, { body }) => {
      const now = clock.now()
      const actor = signedIn(c)
      const doc = planUpload(body, {
        partnerId: c.var.partnerId,
        documentId: newId(),
        uploadedBy: actor.email,
        uploadedByRole: actor.role,
        now,
      })
      await documents.create(
        doc,
        auditEntry({
          id: newId(),
          now,
          actor,
          partnerId: doc.partnerId,
          entity: { type: 'document', id: doc.id },
          action: 'document.requested',
          before: null,
          after: doc,
        }),
      )
      const post = await storage.presignPost(doc.key, doc.contentType, doc.size, UPLOAD_WINDOW_SECONDS)
      return c.json(
        {
          documentId: doc.id,
          ...post,
          maxBytes: UPLOAD_RULES[doc.purpose].maxBytes,
          expiresAt: new Date(now.getTime() + UPLOAD_WINDOW_SECONDS * 1000).toISOString(),
        },
        201,
      )
    },
    document: readAhead(
      ({ params }) => documents.get(params.partnerId, params.documentId),
      async (c, _input, doc) => {
        if (!doc) throw new NotFoundError('No such document.')
        return c.json(await view(doc, c.var.actor))
      },
    ),
  }
})
