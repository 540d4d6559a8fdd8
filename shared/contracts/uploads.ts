import * as z from 'zod/mini'
import { Slug, Ulid } from '../schemas/common'
import { DocumentView, UploadRequest, UploadTicket } from '../schemas/document'
import { access, defineContracts } from './contract'

export const uploads = defineContracts('uploads', {
  start: {
    method: 'POST',
    path: '/partners/{partnerId}/uploads',
    summary: 'Start an upload: a presigned POST for exactly this file',
    description:
      'Send `fields` plus the file (last) to `url`. The file is checked (its real type and size) before it can be attached; poll the document for its status.',
    access: access.member(),
    params: z.strictObject({ partnerId: Slug }),
    body: UploadRequest,
    response: UploadTicket,
    status: 201,
  },
  document: {
    method: 'GET',
    path: '/partners/{partnerId}/documents/{documentId}',
    summary: 'An uploaded document: its check status and, once ready, a short-lived download link',
    access: access.member(),
    params: z.strictObject({ partnerId: Slug, documentId: Ulid }),
    response: DocumentView,
  },
})
