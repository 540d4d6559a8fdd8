import * as z from 'zod/mini'
import { ROLES } from '../roles'
import { IsoDateTime } from './common'

export const UPLOAD_PURPOSES = [
  'logo',
  'spec-sheet',
  'briefing-attachment',
  'certification-evidence',
  'mdf-proof',
  'catalog-import',
] as const
export const UploadPurpose = z.enum(UPLOAD_PURPOSES)
export type UploadPurpose = z.infer<typeof UploadPurpose>

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'text/csv'] as const
export const DocumentType = z.enum(DOCUMENT_TYPES)
export type DocumentType = z.infer<typeof DocumentType>

export const UploadRequest = z.strictObject({
  purpose: UploadPurpose,
  contentType: DocumentType,
  size: z.int().check(z.minimum(1)),
  filename: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
})
export type UploadRequest = z.infer<typeof UploadRequest>

export const DocumentStatus = z.enum(['pending', 'ready', 'rejected'])

export const PortalDocument = z.object({
  id: z.string(),
  partnerId: z.string(),
  purpose: UploadPurpose,
  contentType: DocumentType,
  filename: z.string(),
  /** the size the uploader declared: the presigned POST's policy and the check both require exactly it */
  size: z.int(),
  status: DocumentStatus,
  rejectionReason: z.optional(z.string()),
  /** where the browser uploads (the presigned POST's key) */
  key: z.string(),
  /** the checked copy a ready document is served from; nothing can write it after the verdict */
  storedKey: z.optional(z.string()),
  uploadedBy: z.string(),
  /** staff may upload for a partner; partners then see "HomeAIQ" */
  uploadedByRole: z.optional(z.enum(ROLES)),
  createdAt: IsoDateTime,
  checkedAt: z.optional(IsoDateTime),
})
export type PortalDocument = z.infer<typeof PortalDocument>

/** POST .../uploads answers a presigned POST: send `fields` plus the file (last) to `url`. */
export const UploadTicket = z.object({
  documentId: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.int(),
  expiresAt: IsoDateTime,
})
export type UploadTicket = z.infer<typeof UploadTicket>

export const DocumentView = z.extend(z.omit(PortalDocument, { key: true, storedKey: true }), {
  downloadUrl: z.optional(z.string()),
})
