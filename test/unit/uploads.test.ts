import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../shared/errors'
import {
  checkedKey,
  checkUploaded,
  cleanFilename,
  documentKey,
  parseDocumentKey,
  planUpload,
  servedKey,
  sniffContentType,
  UPLOAD_PREFIX,
} from '../../shared/uploads/rules'
import { s3Links } from '../../functions/uploads/presign'
import { PDF_BYTES, PNG_BYTES } from '../helpers/files'

const now = new Date('2026-11-25T10:00:00Z')
const ctx = { partnerId: 'lutron', documentId: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ', uploadedBy: 'rep@lutron.example', now }
const pdf = planUpload({ purpose: 'spec-sheet', contentType: 'application/pdf', size: 100, filename: 'a.pdf' }, ctx)

describe('upload rules', () => {
  it('scopes keys to the partner and purpose and reads them back', () => {
    expect(pdf.key).toBe('partners/lutron/spec-sheet/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ')
    expect(parseDocumentKey(pdf.key)).toEqual({ partnerId: 'lutron', purpose: 'spec-sheet', documentId: ctx.documentId })
    expect(parseDocumentKey('partners/lutron/../ecobee/x')).toBeUndefined()
    expect(documentKey('a', 'logo', 'b')).toBe('partners/a/logo/b')
  })

  it('refuses types and sizes the purpose does not allow', () => {
    expect(() => planUpload({ purpose: 'logo', contentType: 'application/pdf', size: 1, filename: 'x' }, ctx)).toThrow(
      ValidationError,
    )
    expect(() => planUpload({ purpose: 'logo', contentType: 'image/png', size: 3e6, filename: 'x' }, ctx)).toThrow(
      ValidationError,
    )
  })

  it('cleans file names of paths and control characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd')
    expect(cleanFilename('C:\\x\\"evil"\u0007.pdf')).toBe('evil.pdf')
    expect(cleanFilename('///')).toBe('document')
  })

  it('sniffs real types by magic bytes', () => {
    expect(sniffContentType(PDF_BYTES)).toBe('application/pdf')
    expect(sniffContentType(PNG_BYTES)).toBe('image/png')
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffContentType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffContentType(Buffer.from('sku,name\nA,Über\n'))).toBe('text/csv')
    expect(sniffContentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeUndefined()
  })

  it('marks an upload ready only when content and size match the declaration, served from the checked copy', () => {
    const stored = checkedKey(pdf, '01JDQ80000000000000000CHK1')
    expect(stored).toBe('checked/lutron/spec-sheet/01JDQ7Z8X9Y0ABCDEFGHJKMNPQ/01JDQ80000000000000000CHK1')
    expect(stored.startsWith(UPLOAD_PREFIX)).toBe(false)
    expect(parseDocumentKey(stored)).toBeUndefined()
    const ready = checkUploaded(pdf, { key: stored, head: PDF_BYTES, size: 100 }, now)
    expect(ready).toMatchObject({ status: 'ready', storedKey: stored, key: pdf.key, checkedAt: now.toISOString() })
    expect(servedKey(ready)).toBe(stored)
    const png = checkUploaded(pdf, { key: stored, head: PNG_BYTES, size: 100 }, now)
    expect(png).toMatchObject({ status: 'rejected', rejectionReason: expect.stringMatching(/image\/png/) })
    expect(png).not.toHaveProperty('storedKey')
    expect(servedKey(png)).toBeUndefined()
    expect(servedKey(pdf)).toBeUndefined()
    expect(checkUploaded(pdf, { key: stored, head: PDF_BYTES, size: 26 * 1024 * 1024 }, now).status).toBe('rejected')
    expect(checkUploaded(pdf, { key: stored, head: PDF_BYTES, size: 99 }, now)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The file has 99 bytes, not the 100 declared.',
    })
    expect(checkUploaded(ready, { key: 'other', head: PNG_BYTES, size: 1 }, now)).toBe(ready)
  })
})

describe('presigned upload POST', () => {
  it('pins the exact declared size, the type and the key in its policy', async () => {
    const storage = s3Links({
      bucket: 'homeaiq-documents',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    })
    const { fields } = await storage.presignPost(pdf.key, pdf.contentType, pdf.size, 600)
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString('utf8'))
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 100, 100], ['eq', '$Content-Type', 'application/pdf'], { key: pdf.key }]),
    )
    expect(policy.conditions.filter((c: unknown) => Array.isArray(c) && c[0] === 'content-length-range')).toHaveLength(1)
  })
})
