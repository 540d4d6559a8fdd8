import { RuleViolationError, ValidationError } from '../errors'
import type { Role } from '../roles'
import type { DocumentType, PortalDocument, UploadPurpose, UploadRequest } from '../schemas/document'

const MB = 1024 * 1024
const IMAGES: DocumentType[] = ['image/png', 'image/jpeg', 'image/webp']

/** What each purpose accepts and how large it may be (the presigned POST's policy enforces both). */
export const UPLOAD_RULES: Record<UploadPurpose, { types: DocumentType[]; maxBytes: number }> = {
  logo: { types: IMAGES, maxBytes: 2 * MB },
  'spec-sheet': { types: ['application/pdf'], maxBytes: 25 * MB },
  'briefing-attachment': { types: ['application/pdf', ...IMAGES], maxBytes: 25 * MB },
  'certification-evidence': { types: ['application/pdf', ...IMAGES], maxBytes: 25 * MB },
  'mdf-proof': { types: ['application/pdf', ...IMAGES], maxBytes: 25 * MB },
  'catalog-import': { types: ['text/csv'], maxBytes: 10 * MB },
}

/** Browsers upload only under this prefix: presigned POSTs name these keys, and only they trigger the check. */
export const UPLOAD_PREFIX = 'partners/'
/**
 * The check copies what it checks under this prefix, which no presigned POST ever names: the
 * bytes a document is served from cannot change after their verdict.
 */
export const CHECKED_PREFIX = 'checked/'

/** Every upload lives under its partner's prefix; the S3 event reads the owner back from the key. */
export const documentKey = (partnerId: string, purpose: UploadPurpose, documentId: string) =>
  `${UPLOAD_PREFIX}${partnerId}/${purpose}/${documentId}`

/** One fresh key per check attempt, so two overlapping checks of one upload never write the same object. */
export const checkedKey = (doc: PortalDocument, attemptId: string) =>
  `${CHECKED_PREFIX}${doc.partnerId}/${doc.purpose}/${doc.id}/${attemptId}`

/** The only key a document may be downloaded or shown from: the checked copy of a ready one. */
export const servedKey = (doc: PortalDocument): string | undefined => (doc.status === 'ready' ? doc.storedKey : undefined)

export function parseDocumentKey(key: string): { partnerId: string; purpose: string; documentId: string } | undefined {
  const match = /^partners\/([a-z0-9-]+)\/([a-z-]+)\/([0-9A-Z]{26})$/.exec(key)
  return match ? { partnerId: match[1]!, purpose: match[2]!, documentId: match[3]! } : undefined
}

/** A display-safe file name: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 120)
  return clean || 'document'
}

/** Validates an upload request and returns the pending document it creates. */
export function planUpload(
  req: UploadRequest,
  ctx: { partnerId: string; documentId: string; uploadedBy: string; uploadedByRole?: Role; now: Date },
): PortalDocument {
  const rule = UPLOAD_RULES[req.purpose]
  const issues = []
  if (!rule.types.includes(req.contentType)) {
    issues.push({ field: 'contentType', message: `A ${req.purpose} must be ${rule.types.join(', ')}.` })
  }
  if (req.size > rule.maxBytes) {
    issues.push({ field: 'size', message: `A ${req.purpose} may be at most ${rule.maxBytes / MB} MB.` })
  }
  if (issues.length) throw new ValidationError(issues)
  return {
    id: ctx.documentId,
    partnerId: ctx.partnerId,
    purpose: req.purpose,
    contentType: req.contentType,
    filename: cleanFilename(req.filename),
    size: req.size,
    status: 'pending',
    key: documentKey(ctx.partnerId, req.purpose, ctx.documentId),
    uploadedBy: ctx.uploadedBy,
    ...(ctx.uploadedByRole ? { uploadedByRole: ctx.uploadedByRole } : {}),
    createdAt: ctx.now.toISOString(),
  }
}

/** The real type of a file from its first bytes; undefined when it is none of the accepted types. */
export function sniffContentType(head: Uint8Array): DocumentType | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf' // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50)
    return 'image/webp'
  if (head.length > 0 && looksLikeText(head)) return 'text/csv'
  return undefined
}

function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false
  try {
    // a multi-byte character cut at the end of the sample is fine
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)))
    return true
  } catch {
    return false
  }
}

/**
 * The verdict on the checked copy of an upload (`object.key`): ready, and served from that copy,
 * when its real type and size match what was declared.
 */
export function checkUploaded(
  doc: PortalDocument,
  object: { key: string; head: Uint8Array; size: number },
  now: Date,
): PortalDocument {
  if (doc.status !== 'pending') return doc
  const actual = sniffContentType(object.head)
  const reason =
    object.size > UPLOAD_RULES[doc.purpose].maxBytes
      ? 'The file is larger than allowed.'
      : object.size !== doc.size
        ? `The file has ${object.size} bytes, not the ${doc.size} declared.`
        : actual !== doc.contentType
          ? `The file is not a ${doc.contentType} (its content says ${actual ?? 'unknown type'}).`
          : undefined
  return {
    ...doc,
    status: reason ? 'rejected' : 'ready',
    ...(reason ? { rejectionReason: reason } : { storedKey: object.key }),
    size: object.size,
    checkedAt: now.toISOString(),
  }
}

/** A document can be attached only when it is this partner's, checked, and of the right purpose. */
export function assertAttachable(
  doc: PortalDocument | undefined,
  purpose: UploadPurpose,
  field: string,
): asserts doc is PortalDocument {
  if (!doc) throw new ValidationError([{ field, message: 'No such document.' }])
  if (doc.purpose !== purpose)
    throw new ValidationError([{ field, message: `This document was uploaded as ${doc.purpose}, not ${purpose}.` }])
  if (doc.status !== 'ready') {
    throw new RuleViolationError('The document is not ready.', [
      {
        field,
        message:
          doc.status === 'pending'
            ? 'The upload is still being checked; try again in a moment.'
            : `The upload was rejected: ${doc.rejectionReason}`,
      },
    ])
  }
}
