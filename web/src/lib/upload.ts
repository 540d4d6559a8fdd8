import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError, describeError, sendWithProgress } from '../api/client'
import { api } from '../api/contracts'
import type { DocumentType, PortalDocumentView, UploadPurpose } from '../api/types'
import { fileSize } from './format'

/**
 * Document uploads as the API hands them out: ask for a presigned POST, send the file straight
 * to the bucket with XMLHttpRequest (for progress), then wait for the upload check (magic bytes)
 * to mark the document ready or rejected.
 */

const MB = 1024 * 1024
const IMAGES: DocumentType[] = ['image/png', 'image/jpeg', 'image/webp']

const PDF_OR_IMAGE: { types: DocumentType[]; maxBytes: number; accept: string; describe: string } = {
  types: ['application/pdf', ...IMAGES],
  maxBytes: 25 * MB,
  accept: '.pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp',
  describe: 'PDF, PNG, JPEG or WebP, up to 25 MB each',
}

/** Mirrors shared/uploads/rules.ts UPLOAD_RULES (the API enforces it; this only spares a round trip). */
export const UPLOAD_LIMITS: Partial<
  Record<UploadPurpose, { types: DocumentType[]; maxBytes: number; accept: string; describe: string }>
> = {
  'spec-sheet': { types: ['application/pdf'], maxBytes: 25 * MB, accept: '.pdf,application/pdf', describe: 'PDF, up to 25 MB' },
  logo: {
    types: IMAGES,
    maxBytes: 2 * MB,
    accept: '.png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp',
    describe: 'PNG, JPEG or WebP, up to 2 MB',
  },
  'briefing-attachment': PDF_OR_IMAGE,
  'mdf-proof': PDF_OR_IMAGE,
  'certification-evidence': PDF_OR_IMAGE,
}

const BY_EXTENSION: Record<string, DocumentType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  csv: 'text/csv',
}

function contentTypeOf(file: File): DocumentType | undefined {
  if (file.type && (Object.values(BY_EXTENSION) as string[]).includes(file.type)) return file.type as DocumentType
  return BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? '']
}

export type UploadState =
  | { phase: 'uploading'; fraction: number }
  | { phase: 'checking' }
  | { phase: 'ready'; document: PortalDocumentView }
  | { phase: 'rejected'; reason: string }
  | { phase: 'failed'; message: string }

/** A reason the file cannot be uploaded for this purpose, before anything is sent. */
export function uploadProblem(purpose: UploadPurpose, file: File): string | undefined {
  const limits = UPLOAD_LIMITS[purpose]
  const type = contentTypeOf(file)
  if (limits && (!type || !limits.types.includes(type)))
    return `${file.name} is not a file type this field takes (${limits.describe}).`
  if (limits && file.size > limits.maxBytes)
    return `${file.name} is ${fileSize(file.size)}; the limit is ${fileSize(limits.maxBytes)}.`
  if (file.size === 0) return `${file.name} is empty.`
  return undefined
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(new DOMException('Cancelled', 'AbortError'))
      },
      { once: true },
    )
  })

/**
 * Uploads one file and reports each phase through `report`; resolves with the final state
 * (ready, rejected or failed: it never throws, except when `signal` aborts).
 */
export async function uploadDocument(
  partnerId: string,
  purpose: UploadPurpose,
  file: File,
  report: (state: UploadState) => void,
  signal?: AbortSignal,
): Promise<UploadState> {
  const finish = (state: UploadState) => {
    report(state)
    return state
  }
  const problem = uploadProblem(purpose, file)
  if (problem) return finish({ phase: 'failed', message: problem })
  try {
    report({ phase: 'uploading', fraction: 0 })
    const { data: ticket } = await api.uploads.start({
      params: { partnerId },
      body: { purpose, contentType: contentTypeOf(file)!, size: file.size, filename: file.name },
    })
    const form = new FormData()
    for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value)
    form.append('file', file)
    await sendWithProgress(ticket.url, form, {
      api: false,
      onProgress: (fraction) => report({ phase: 'uploading', fraction }),
      ...(signal ? { signal } : {}),
    })
    report({ phase: 'checking' })
    // the check runs on the bucket's upload event: usually well under a second
    const deadline = Date.now() + 30_000
    for (let delay = 250; ; delay = Math.min(delay * 1.5, 2000)) {
      await sleep(delay, signal)
      const { data: document } = await api.uploads.document({
        params: { partnerId, documentId: ticket.documentId },
        ...(signal ? { signal } : {}),
      })
      if (document.status === 'ready') return finish({ phase: 'ready', document })
      if (document.status === 'rejected') {
        return finish({ phase: 'rejected', reason: document.rejectionReason ?? 'The file is not what its type says.' })
      }
      if (Date.now() > deadline) {
        return finish({ phase: 'failed', message: 'The file check is taking longer than usual. Try again in a minute.' })
      }
    }
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    const message =
      error instanceof ApiError && error.fieldErrors.length
        ? error.fieldErrors.map((e) => e.message).join(' ')
        : describeError(error)
    return finish({ phase: 'failed', message })
  }
}

/** A file chosen in a single-file field, and where its upload stands. */
export interface PendingUpload {
  filename: string
  state: UploadState
}

/**
 * The upload behind a single-file field (a spec sheet, a logo): uploads the chosen file,
 * cancels the previous upload when another file is chosen, the choice is cleared or the screen
 * goes away, and keeps a short message for a polite live region.
 */
export function useUpload(partnerId: string, purpose: UploadPurpose) {
  const [pending, setPending] = useState<PendingUpload>()
  const [announcement, setAnnouncement] = useState('')
  const abort = useRef<AbortController | undefined>(undefined)
  useEffect(() => () => abort.current?.abort(), [])

  async function choose(file: File) {
    abort.current?.abort()
    const controller = new AbortController()
    abort.current = controller
    setPending({ filename: file.name, state: { phase: 'uploading', fraction: 0 } })
    setAnnouncement(`Uploading ${file.name}.`)
    try {
      const final = await uploadDocument(
        partnerId,
        purpose,
        file,
        (state) => {
          if (!controller.signal.aborted) setPending({ filename: file.name, state })
        },
        controller.signal,
      )
      if (controller.signal.aborted) return
      setAnnouncement(
        final.phase === 'ready'
          ? `${file.name} is ready.`
          : `${file.name} was not accepted. ${final.phase === 'rejected' ? final.reason : final.phase === 'failed' ? final.message : ''}`,
      )
    } catch {
      // aborted: a newer file, a cleared choice or leaving the screen
    }
  }

  /** Cancels an upload in progress and forgets the chosen file; announces `message`. */
  function clear(message = '') {
    abort.current?.abort()
    setPending(undefined)
    setAnnouncement(message)
  }

  const phase = pending?.state.phase
  return {
    pending,
    /** still sending or being checked */
    busy: phase === 'uploading' || phase === 'checking',
    /** the checked document, once the chosen file is ready to attach */
    ready: pending?.state.phase === 'ready' ? pending.state.document : undefined,
    announcement,
    choose,
    clear,
  }
}

/** Why a chosen file cannot be saved yet: still uploading (`noun`: "spec sheet"), or not accepted. */
export function pendingProblem(pending: PendingUpload | undefined, noun: string, notAccepted: string): string | undefined {
  if (!pending) return undefined
  const { phase } = pending.state
  if (phase === 'uploading' || phase === 'checking') return `Wait until the ${noun} has uploaded and been checked.`
  if (phase !== 'ready') return notAccepted
  return undefined
}

/** A short, screen-reader friendly description of an upload's state. */
export function describeUpload(state: UploadState): string {
  switch (state.phase) {
    case 'uploading':
      return `Uploading… ${Math.round(state.fraction * 100)}%`
    case 'checking':
      return 'Uploaded. Checking the file…'
    case 'ready':
      return 'Ready'
    case 'rejected':
      return `Rejected: ${state.reason}`
    case 'failed':
      return `Not uploaded: ${state.message}`
  }
}

/** Opens a document's short-lived download link (the API answers it only once the file is ready). */
export async function openDownload(partnerId: string, documentId: string): Promise<void> {
  const { data: document } = await api.uploads.document({ params: { partnerId, documentId } })
  if (!document.downloadUrl)
    throw new ApiError(409, { title: 'Not available', detail: 'This file is not available for download yet.' })
  window.location.assign(document.downloadUrl)
}

/** Saves a blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = filename
  anchor.rel = 'noopener'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** One file of a multi-file field: a new file being uploaded, or a document attached before. */
export interface ListedUpload {
  key: number
  filename: string
  size: number
  state: UploadState
}

interface AttachedDocument {
  documentId: string
  filename: string
  /** absent on records that did not keep it: shown without a size */
  size?: number | undefined
  contentType: string
}

/**
 * The uploads behind a multi-file field (attachments, proof, evidence): each chosen file uploads
 * at once with its own progress; removing one cancels it; `initial` lists documents attached
 * before (an application being edited). Leaving the screen cancels what is still running;
 * `announcement` is for a polite live region.
 */
export function useUploadList(
  partnerId: string,
  purpose: UploadPurpose,
  opts: {
    max: number
    /** what the files are, plural: "attachments" */
    noun?: string
    initial?: AttachedDocument[]
  },
) {
  const { max, noun = 'files', initial = [] } = opts
  const nextKey = useRef(1)
  // documents attached before were checked then: they are ready documents of this partner and purpose
  const attached = (d: AttachedDocument): UploadState => ({
    phase: 'ready',
    document: {
      ...d,
      size: d.size ?? 0,
      id: d.documentId,
      partnerId,
      purpose,
      contentType: d.contentType as DocumentType,
      status: 'ready',
      uploadedBy: '',
      createdAt: '',
    },
  })
  const [items, setItems] = useState<ListedUpload[]>(() =>
    initial.map((d) => ({ key: nextKey.current++, filename: d.filename, size: d.size ?? 0, state: attached(d) })),
  )
  const [announcement, setAnnouncement] = useState('')
  const controllers = useRef(new Map<number, AbortController>())
  useEffect(() => () => controllers.current.forEach((c) => c.abort()), [])

  const setState = (key: number, state: UploadState) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, state } : item)))

  /** Starts uploading `files` (as many as there is `room` for); answers the ones added. */
  function add(files: File[], room = max - items.length): ListedUpload[] {
    const taken = files.slice(0, Math.max(0, room))
    if (files.length > taken.length) setAnnouncement(`At most ${max} ${noun}: ${files.length - taken.length} not added.`)
    const added = taken.map((file) => ({ key: nextKey.current++, file }))
    const listed = added.map(({ key, file }) => ({
      key,
      filename: file.name,
      size: file.size,
      state: { phase: 'uploading', fraction: 0 } as UploadState,
    }))
    setItems((list) => [...list, ...listed])
    for (const { key, file } of added) {
      const controller = new AbortController()
      controllers.current.set(key, controller)
      uploadDocument(partnerId, purpose, file, (state) => setState(key, state), controller.signal)
        .then((final) =>
          setAnnouncement(
            final.phase === 'ready'
              ? `${file.name} is ready.`
              : `${file.name} was not accepted: ${final.phase === 'rejected' ? final.reason : final.phase === 'failed' ? final.message : ''}`,
          ),
        )
        .catch(() => undefined) // aborted: removed or left the page
        .finally(() => controllers.current.delete(key))
    }
    return listed
  }

  /** Cancels or removes one file; answers what is left. */
  function remove(key: number): ListedUpload[] {
    controllers.current.get(key)?.abort()
    const item = items.find((i) => i.key === key)
    const rest = items.filter((i) => i.key !== key)
    setItems(rest)
    if (item) setAnnouncement(`${item.filename} removed.`)
    return rest
  }

  return {
    items,
    add,
    remove,
    announcement,
    setAnnouncement,
    /** the checked documents, in the order chosen */
    readyIds: items.flatMap((i) => (i.state.phase === 'ready' ? [i.state.document.id] : [])),
  }
}

/** Why a multi-file field cannot be saved yet (`noun`: "evidence file"), or undefined. */
export function uploadsProblem(files: ListedUpload[], noun: string): string | undefined {
  if (files.some((f) => f.state.phase === 'uploading' || f.state.phase === 'checking'))
    return `Wait until every ${noun} has uploaded and been checked.`
  if (files.some((f) => f.state.phase === 'rejected' || f.state.phase === 'failed'))
    return 'Remove the files that were not accepted.'
  return undefined
}
