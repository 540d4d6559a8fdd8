import { Hono } from 'hono'
import { NotFoundError } from '../../shared/errors'
import { UploadRequest, type PortalDocument } from '../../shared/schemas/document'
import { planUpload, servedKey, UPLOAD_RULES } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { requireStorage, type Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { validate } from '../http/validate'

const UPLOAD_WINDOW_SECONDS = 600

/** Document uploads: presigned POSTs into the partner's prefix, then the status the upload check sets. */
export const uploadsApp = (deps: Deps) => {
  const { db, clock, newId } = deps
  const storage = requireStorage(deps)
  const documents = documentRepository(db)
  const view = async ({ key, storedKey, ...doc }: PortalDocument) => {
    const served = servedKey({ ...doc, key, storedKey })
    return { ...doc, ...(served ? { downloadUrl: await storage.presignGet(served, doc.filename) } : {}) }
  }

  return new Hono<PortalEnv>()
    .post('/uploads', validate('json', UploadRequest), async (c) => {
      const now = clock.now()
      const doc = planUpload(c.req.valid('json'), {
        partnerId: c.var.partnerId,
        documentId: newId(),
        uploadedBy: signedIn(c).email,
        now,
      })
      await documents.create(doc)
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
    })
    .get('/documents/:documentId', async (c) => {
      const doc = await documents.get(c.var.partnerId, c.req.param('documentId'))
      if (!doc) throw new NotFoundError('No such document.')
      return c.json(await view(doc))
    })
}
