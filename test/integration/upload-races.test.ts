import { beforeAll, describe, expect, it } from 'vitest'
import { documentRepository } from '../../functions/data/documents'
import { checkUpload, type CheckUploadDeps } from '../../functions/uploads/check-upload'
import { HTML_BYTES, PDF_BYTES, postUpload } from '../helpers/files'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

// s3rver's events go unhandled here: each test runs two upload checks itself, interleaved on purpose
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal({ checkUploads: false })
})

const REP = 'rep@lutron.example'
/** Another real PDF of PDF_BYTES' size. */
const OTHER_PDF = Buffer.from(PDF_BYTES.toString('latin1').replace('Catalog', 'Catalox'), 'latin1')

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

/** A pause for a check: lets the test (or the other check) go on past `signal`, then waits for `until`. */
const signalThenWait = (signal: ReturnType<typeof gate>, until: Promise<unknown>) => () => {
  signal.open()
  return until
}

/** The upload check's deps, with a pause after its copy and before it reads that copy back. */
function checkWith(hooks: { afterCopy?: () => Promise<unknown>; beforeRead?: () => Promise<unknown> } = {}): CheckUploadDeps {
  const storage = portal.deps.storage!
  return {
    documents: documentRepository(portal.deps.db),
    storage: {
      copy: async (...args) => {
        const copied = await storage.copy(...args)
        await hooks.afterCopy?.()
        return copied
      },
      readHead: async (...args) => {
        await hooks.beforeRead?.()
        return storage.readHead(...args)
      },
      remove: storage.remove,
    },
    clock: portal.deps.clock,
    newId: portal.deps.newId,
  }
}

async function pendingUpload() {
  const res = await portal.call('POST', '/partners/lutron/uploads', {
    as: REP,
    body: { purpose: 'spec-sheet', contentType: 'application/pdf', size: PDF_BYTES.length, filename: 'spec.pdf' },
  })
  const t = res.json as { documentId: string; url: string; fields: Record<string, string> }
  expect((await postUpload(t, PDF_BYTES, 'application/pdf')).status).toBeLessThan(300)
  return t
}

/**
 * A pending upload of PDF_BYTES whose first check has copied them and then waits for `resume`,
 * while `later` is POSTed with the same form fields.
 */
async function overtakenUpload(later: Buffer, resume: Promise<unknown>) {
  const t = await pendingUpload()
  const copied = gate()
  const first = checkUpload(checkWith({ afterCopy: signalThenWait(copied, resume) }), t.fields.key!)
  await copied.opened
  await postUpload(t, later, 'application/pdf')
  return { t, first }
}

/** The document is ready and serves exactly `bytes`, from its one checked copy; the upload key is empty. */
async function expectServes(t: { documentId: string; fields: Record<string, string> }, bytes: Buffer) {
  const doc = (await portal.call('GET', `/partners/lutron/documents/${t.documentId}`, { as: REP })).json
  expect(doc.status).toBe('ready')
  expect(Buffer.from(await (await fetch(doc.downloadUrl)).arrayBuffer()).equals(bytes)).toBe(true)
  const stored = await documentRepository(portal.deps.db).get('lutron', t.documentId)
  expect(await portal.keysUnder(`checked/lutron/spec-sheet/${t.documentId}/`)).toEqual([stored!.storedKey])
  expect(await portal.keysUnder(t.fields.key!)).toEqual([])
}

describe('two POSTs to one upload key before the first check ends', () => {
  it('serves what the check that recorded the verdict checked, when the later bytes are copied before it decides', async () => {
    const firstMayGoOn = gate()
    const { t, first } = await overtakenUpload(HTML_BYTES, firstMayGoOn.opened)
    // the second check copies the HTML while the document is still pending, then lets the first decide
    const second = checkUpload(checkWith({ beforeRead: signalThenWait(firstMayGoOn, first) }), t.fields.key!)
    expect(await first).toBe('ready')
    expect(await second).toBe('discarded')
    await expectServes(t, PDF_BYTES)
  })

  it('serves the later bytes when their check records its verdict first', async () => {
    const secondDone = gate()
    const { t, first } = await overtakenUpload(OTHER_PDF, secondDone.opened)
    expect(await checkUpload(checkWith(), t.fields.key!)).toBe('ready')
    secondDone.open()
    expect(await first).toBe('discarded')
    await expectServes(t, OTHER_PDF)
  })
})
