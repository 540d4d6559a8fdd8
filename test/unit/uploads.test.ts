import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../shared/errors'
import {
  checkUploaded,
  cleanFilename,
  documentKey,
  parseDocumentKey,
  planUpload,
  sniffContentType,
} from '../../shared/uploads/rules'
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

  it('marks an upload ready only when content and size match the declaration', () => {
    expect(checkUploaded(pdf, { head: PDF_BYTES, size: 100 }, now)).toMatchObject({
      status: 'ready',
      checkedAt: now.toISOString(),
    })
    expect(checkUploaded(pdf, { head: PNG_BYTES, size: 100 }, now)).toMatchObject({
      status: 'rejected',
      rejectionReason: expect.stringMatching(/image\/png/),
    })
    expect(checkUploaded(pdf, { head: PDF_BYTES, size: 26 * 1024 * 1024 }, now).status).toBe('rejected')
    const ready = checkUploaded(pdf, { head: PDF_BYTES, size: 100 }, now)
    expect(checkUploaded(ready, { head: PNG_BYTES, size: 1 }, now)).toBe(ready)
  })
})
