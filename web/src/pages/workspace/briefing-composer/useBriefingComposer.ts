import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from '../../../api/contracts'
import type { Briefing, BriefingKind } from '../../../api/types'
import { setFlash } from '../../../lib/flash'
import { today } from '../../../lib/format'
import { recheck, useSaveForm } from '../../../lib/save'
import { useUploadList, type ListedUpload } from '../../../lib/upload'
import { navigate } from '../../../router'
import { FIELD_IDS, MAX_ATTACHMENTS, parseSkus, validate, valuesOf, type Values } from './values'

/**
 * The body as HTML for the preview. The Markdown renderer (markdown-it, the one the API uses
 * on publish) loads on first use; `ready` is false until it has, `failed` if it could not.
 */
export function useMarkdownPreview(body: string) {
  const [renderMarkdown, setRenderMarkdown] = useState<((source: string) => string) | undefined>(undefined)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    import('../../../../../shared/briefings/markdown').then(
      (module) => setRenderMarkdown(() => module.renderMarkdown),
      () => setFailed(true),
    )
  }, [])
  const html = useMemo(() => (body.trim() && renderMarkdown ? renderMarkdown(body) : ''), [body, renderMarkdown])
  return { html, ready: !!renderMarkdown, failed }
}

/**
 * The composer's state and actions: the values, the attachments, errors re-checked as the
 * user types, and publishing (once per draft, whatever the retries), which opens the briefing.
 * With `correcting`, it starts from that published briefing and publishes its correction.
 */
export function useBriefingComposer(partnerId: string, correcting?: { briefing: Briefing; etag: string }) {
  const [values, setValues] = useState<Values>(() =>
    correcting ? valuesOf(correcting.briefing) : { kind: '', title: '', effectiveDate: today(), skus: '', body: '', note: '' },
  )
  const uploads = useUploadList(partnerId, 'briefing-attachment', {
    max: MAX_ATTACHMENTS,
    noun: 'attachments',
    ...(correcting ? { initial: correcting.briefing.attachments } : {}),
  })
  const attachments = uploads.items
  // one key per draft: a double submit or a retried request publishes the briefing once
  const [draftKey] = useState(() => crypto.randomUUID())
  const { form, statusRef, errors, setErrors, status, setStatus, saving: publishing, refuse, submit } = useSaveForm(FIELD_IDS)

  const preview = useMarkdownPreview(values.body)
  const skus = parseSkus(values.skus)
  // a correction also needs its note
  const check = (v: Values, files: ListedUpload[]) => validate(v, files, !!correcting)
  /** what a publication and a correction both send: the briefing as written */
  const written = () => ({
    title: values.title.trim(),
    body: values.body.trim(),
    skus,
    effectiveDate: values.effectiveDate,
    attachmentDocumentIds: uploads.readyIds,
  })

  const update = <K extends keyof Values>(name: K, value: Values[K], ids: string[]) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, check(next, attachments), ids))
  }

  function addFiles(files: File[]) {
    uploads.add(files)
    setErrors(({ 'briefing-attachments': _drop, ...rest }) => rest)
  }

  function remove(key: number) {
    const rest = uploads.remove(key)
    // an error about the attachments goes once the offending file is gone
    const stillWrong = check(values, rest)['briefing-attachments']
    const { 'briefing-attachments': previous, ...others } = errors
    const next = previous && stillWrong ? { ...others, 'briefing-attachments': stillWrong } : others
    setErrors(next)
    if (Object.keys(next).length === 0) setStatus({ kind: 'idle' })
  }

  async function publish(event: Event) {
    event.preventDefault()
    const clientErrors = check(values, attachments)
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    await submit(async () => {
      if (correcting) return publishCorrection(correcting)
      const { data: briefing } = await api.briefings.publish({
        params: { partnerId },
        body: { kind: values.kind as BriefingKind, ...written() },
        idempotencyKey: draftKey,
      })
      setFlash(
        briefing.requiresAck
          ? 'Briefing published. It is flagged for the HomeAIQ partnership team until they acknowledge it.'
          : 'Briefing published. The HomeAIQ partnership team can read it now.',
      )
      navigate(`/workspace/briefings/${encodeURIComponent(briefing.id)}`)
    })
  }

  async function publishCorrection({ briefing: before, etag }: { briefing: Briefing; etag: string }) {
    const { data: briefing } = await api.briefings.revise({
      params: { partnerId, id: before.id },
      body: { ...written(), note: values.note.trim() },
      etag,
    })
    const cleared = briefing.revisions.at(-1)?.acknowledgementsCleared ?? 0
    setFlash(
      cleared > 0
        ? 'Correction published. HomeAIQ had acknowledged the earlier version: the briefing is flagged for them again until they acknowledge this one.'
        : 'Correction published. Readers see it with your note.',
    )
    navigate(`/workspace/briefings/${encodeURIComponent(briefing.id)}`)
  }

  return {
    values,
    update,
    skus,
    preview,
    uploads,
    attachments,
    addFiles,
    remove,
    publish,
    /** the published briefing being corrected */
    correcting: correcting?.briefing,
    form,
    statusRef,
    errors,
    status,
    publishing,
  }
}

export type ComposerState = ReturnType<typeof useBriefingComposer>
