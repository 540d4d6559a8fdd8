import { gunzipSync } from 'node:zlib'
import { DEMO_PROGRAMS } from '../../functions/local/seed-certifications'
import { PDF_BYTES } from './files'
import type { TestPortal } from './test-portal'

export const STAFF = 'staff@homeaiq.example'

/** Staff define the strategy's four programs through the API. */
export async function createPrograms(portal: TestPortal) {
  for (const program of DEMO_PROGRAMS) {
    const res = await portal.call('POST', '/certification-programs', { as: STAFF, body: program })
    if (res.status !== 201) throw new Error(`program ${program.id}: ${res.status} ${res.text}`)
  }
}

/** A checked certification-evidence PDF of the partner, uploaded through s3rver as a browser does. */
export async function uploadEvidence(portal: TestPortal, pid: string, as: string, filename = 'test report.pdf') {
  const ticket = await portal.call('POST', `/partners/${pid}/uploads`, {
    as,
    body: { purpose: 'certification-evidence', contentType: 'application/pdf', size: PDF_BYTES.length, filename },
  })
  const verdict = portal.verdictFor(ticket.json.fields.key)
  const form = new FormData()
  for (const [k, v] of Object.entries(ticket.json.fields as Record<string, string>)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), filename)
  const posted = await fetch(ticket.json.url, { method: 'POST', body: form })
  if (!posted.ok) throw new Error(`upload failed: ${posted.status}`)
  if ((await verdict) !== 'ready') throw new Error('the evidence was not accepted')
  return ticket.json.documentId as string
}

/** Whether the bit of `index` is set in a Bitstring Status List's `encodedList` (read independently of the server's code). */
export function bitIsSet(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('not multibase base64url')
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'))
  if (bytes.length < 16 * 1024) throw new Error('a status list is at least 16 KB')
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0
}
