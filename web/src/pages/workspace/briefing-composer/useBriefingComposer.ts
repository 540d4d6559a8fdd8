import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from '../../../api/contracts'
import type { BriefingKind } from '../../../api/types'
import { setFlash } from '../../../lib/flash'
import { today } from '../../../lib/format'
import { recheck, useSaveForm } from '../../../lib/save'
import { useUploadList } from '../../../lib/upload'
import { navigate } from '../../../router'
import { FIELD_IDS, MAX_ATTACHMENTS, parseSkus, validate, type Values } from './values'

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
 */
export function useBriefingComposer(partnerId: string) {
  const [values, setValues] = useState<Values>({ kind: '', title: '', effectiveDate: today(), skus: '', body: '' })
  const uploads = useUploadList(partnerId, 'briefing-attachment', { max: MAX_ATTACHMENTS, noun: 'attachments' })
  const attachments = uploads.items
  // one key per draft: a double submit or a retried request publishes the briefing once
  const [draftKey] = useState(() => crypto.randomUUID())
  const { form, statusRef, errors, setErrors, status, setStatus, saving: publishing, refuse, submit } = useSaveForm(FIELD_IDS)

  const preview = useMarkdownPreview(values.body)
  const skus = parseSkus(values.skus)

  const update = <K extends keyof Values>(name: K, value: Values[K], ids: string[]) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, validate(next, attachments), ids))
  }

  function addFiles(files: File[]) {
    uploads.add(files)
    setErrors(({ 'briefing-attachments': _drop, ...rest }) => rest)
  }

  function remove(key: number) {
    const rest = uploads.remove(key)
    // an error about the attachments goes once the offending file is gone
    const stillWrong = validate(values, rest)['briefing-attachments']
    const { 'briefing-attachments': previous, ...others } = errors
    const next = previous && stillWrong ? { ...others, 'briefing-attachments': stillWrong } : others
    setErrors(next)
    if (Object.keys(next).length === 0) setStatus({ kind: 'idle' })
  }

  async function publish(event: Event) {
    event.preventDefault()
    const clientErrors = validate(values, attachments)
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    await submit(async () => {
      const { data: briefing } = await api.briefings.publish({
        params: { partnerId },
        body: {
          kind: values.kind as BriefingKind,
          title: values.title.trim(),
          body: values.body.trim(),
          skus,
          effectiveDate: values.effectiveDate,
          attachmentDocumentIds: uploads.readyIds,
        },
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
    form,
    statusRef,
    errors,
    status,
    publishing,
  }
}

export type ComposerState = ReturnType<typeof useBriefingComposer>
