/** Tiny real files whose first bytes are what their type says. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Posts `bytes` to a presigned POST the way a browser form does: its fields, then the file. */
export async function postUpload(t: { url: string; fields: Record<string, string> }, bytes: Buffer, type: string) {
  const form = new FormData()
  for (const [k, v] of Object.entries(t.fields)) form.append(k, v)
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'file')
  return fetch(t.url, { method: 'POST', body: form })
}

/** Not a PDF, though it has a PDF_BYTES-sized body: what a replayed upload form could carry instead. */
export const HTML_BYTES = Buffer.from('<!doctype html><script>alert(document.domain)</script>'.padEnd(PDF_BYTES.length, ' '))
