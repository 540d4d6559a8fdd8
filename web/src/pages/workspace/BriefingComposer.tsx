import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { BriefingKind, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { Breadcrumbs, ErrorSummary, Field, FormActions, Options } from '../../components/form'
import { Notice } from '../../components/states'
import { FilePicker, UploadList } from '../../components/upload'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash } from '../../lib/flash'
import { BRIEFING_KINDS, kindLabel, today } from '../../lib/format'
import { BRIEFING_LIMITS, needsSkus, requiresAck } from '../../../../shared/briefings/vocabulary'
import { SKU_PATTERN } from '../../../../shared/catalog/vocabulary'
import { useTitle } from '../../lib/hooks'
import { recheck, useSaveForm } from '../../lib/save'
import { UPLOAD_LIMITS, uploadsProblem, useUploadList, type ListedUpload } from '../../lib/upload'
import { Link, navigate } from '../../router'

const FIELD_IDS: Record<string, string> = {
  kind: 'briefing-kind',
  title: 'briefing-title',
  effectiveDate: 'briefing-date',
  skus: 'briefing-skus',
  body: 'briefing-body',
  attachmentDocumentIds: 'briefing-attachments',
}
const LABELS: Record<string, string> = {
  'briefing-kind': 'Kind',
  'briefing-title': 'Title',
  'briefing-date': 'Effective date',
  'briefing-skus': 'Affected SKUs',
  'briefing-body': 'Body',
  'briefing-attachments': 'Attachments',
}
const { titleMin: TITLE_MIN, titleMax: TITLE_MAX, bodyMax: BODY_MAX, attachmentsMax: MAX_ATTACHMENTS } = BRIEFING_LIMITS

const KIND_HINTS: Record<BriefingKind, string> = {
  'new-product': 'A product joining your line-up.',
  firmware: 'A firmware or software release: what changes for installed systems.',
  'end-of-life':
    'Needs HomeAIQ acknowledgement. On the effective date the affected products are marked discontinued in your catalog.',
  'price-change': 'Name the affected SKUs; update their prices in the catalog too.',
  'safety-notice': 'Needs HomeAIQ acknowledgement: it stays flagged for the partnership team until someone acknowledges it.',
  roadmap: 'What is coming: plans, previews, timelines.',
}

/** "rrd-6na, PD-6WCL  RRD-6NA" -> ["RRD-6NA", "PD-6WCL"] (upper-case, each once) */
export function parseSkus(text: string): string[] {
  const seen = new Set<string>()
  for (const part of text.split(/[\s,;]+/)) {
    const sku = part.trim().toUpperCase()
    if (sku) seen.add(sku)
  }
  return [...seen]
}

interface Values {
  kind: BriefingKind | ''
  title: string
  effectiveDate: string
  skus: string
  body: string
}

function validate(values: Values, attachments: ListedUpload[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!values.kind) errors['briefing-kind'] = 'Choose what kind of briefing this is.'
  const title = values.title.trim()
  if (!title) errors['briefing-title'] = 'Enter a title.'
  else if (title.length < TITLE_MIN) errors['briefing-title'] = `Use at least ${TITLE_MIN} characters.`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveDate)) errors['briefing-date'] = 'Enter the date this takes effect.'
  const skus = parseSkus(values.skus)
  const bad = skus.filter((s) => !SKU_PATTERN.test(s))
  if (bad.length) errors['briefing-skus'] = `Not a SKU: ${bad.join(', ')}.`
  else if (values.kind && needsSkus(values.kind) && skus.length === 0) {
    errors['briefing-skus'] = `A ${kindLabel(values.kind).toLowerCase()} briefing must name the affected SKUs.`
  }
  if (!values.body.trim()) errors['briefing-body'] = 'Write the briefing.'
  const pending = uploadsProblem(attachments, 'attachment')
  if (pending) errors['briefing-attachments'] = pending
  return errors
}

export function BriefingComposerPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  useTitle('New briefing')

  const [values, setValues] = useState<Values>({ kind: '', title: '', effectiveDate: today(), skus: '', body: '' })
  const uploads = useUploadList(partnerId, 'briefing-attachment', { max: MAX_ATTACHMENTS, noun: 'attachments' })
  const attachments = uploads.items
  // one key per draft: a double submit or a retried request publishes the briefing once
  const [draftKey] = useState(() => crypto.randomUUID())
  const { form, statusRef, errors, setErrors, status, setStatus, saving: publishing, refuse, submit } = useSaveForm(FIELD_IDS)

  // the Markdown renderer (markdown-it, the one the API uses on publish) loads on first use
  const [renderMarkdown, setRenderMarkdown] = useState<((source: string) => string) | undefined>(undefined)
  const [previewError, setPreviewError] = useState(false)
  useEffect(() => {
    import('../../../../shared/briefings/markdown').then(
      (module) => setRenderMarkdown(() => module.renderMarkdown),
      () => setPreviewError(true),
    )
  }, [])
  const preview = useMemo(
    () => (values.body.trim() && renderMarkdown ? renderMarkdown(values.body) : ''),
    [values.body, renderMarkdown],
  )
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

  const kind = values.kind || undefined

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs items={[{ href: '/workspace/briefings', label: 'Briefings' }, { label: 'New briefing' }]} />
      <div class="content-header">
        <div>
          <h1>New briefing</h1>
          <p class="lede">Published briefings go straight to the HomeAIQ partnership team and cannot be edited afterwards.</p>
        </div>
      </div>

      <form ref={form} class="card section form" noValidate onSubmit={publish} aria-labelledby="composer-heading">
        <h2 id="composer-heading" class="visually-hidden">
          Briefing
        </h2>
        <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

        <div class="form-grid">
          <Field
            id="briefing-kind"
            label="Kind"
            hint={kind ? KIND_HINTS[kind] : 'What the briefing is about.'}
            error={errors['briefing-kind']}
          >
            {(props) => (
              <select
                {...props}
                value={values.kind}
                onChange={(e) => update('kind', e.currentTarget.value as BriefingKind, ['briefing-kind', 'briefing-skus'])}
              >
                <option value="" disabled>
                  Choose a kind
                </option>
                <Options values={BRIEFING_KINDS} label={kindLabel} />
              </select>
            )}
          </Field>
          <Field
            id="briefing-date"
            label="Effective date"
            hint="When this takes effect (for end-of-life: the last day of sale)."
            error={errors['briefing-date']}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={values.effectiveDate}
                onInput={(e) => update('effectiveDate', e.currentTarget.value, ['briefing-date'])}
              />
            )}
          </Field>
        </div>

        <Field id="briefing-title" label="Title" error={errors['briefing-title']}>
          {(props) => (
            <>
              <input
                {...props}
                type="text"
                maxLength={TITLE_MAX}
                value={values.title}
                onInput={(e) => update('title', e.currentTarget.value, ['briefing-title'])}
              />
              <p class="field__counter" aria-hidden="true">
                {values.title.length} / {TITLE_MAX}
              </p>
            </>
          )}
        </Field>

        <Field
          id="briefing-skus"
          label="Affected SKUs"
          optional={!kind || !needsSkus(kind)}
          hint="Separate SKUs with commas or spaces, e.g. RRD-6NA, PD-6WCL."
          error={errors['briefing-skus']}
        >
          {(props) => (
            <>
              <input
                {...props}
                type="text"
                autocapitalize="characters"
                spellcheck={false}
                value={values.skus}
                onInput={(e) => update('skus', e.currentTarget.value, ['briefing-skus'])}
              />
              {skus.length > 0 && (
                <ul
                  class="chip-list chip-list--small chip-list--below"
                  aria-label={`${skus.length} ${skus.length === 1 ? 'SKU' : 'SKUs'} to be listed`}
                >
                  {skus.map((sku) => (
                    <li key={sku} class="chip chip--sku">
                      {sku}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Field>

        <div class="composer">
          <Field
            id="briefing-body"
            label="Body"
            hint={
              <>
                Markdown: <code>**bold**</code>, <code>- lists</code>, <code>## headings</code>, <code>[links](https://…)</code>.
              </>
            }
            error={errors['briefing-body']}
          >
            {(props) => (
              <>
                <textarea
                  {...props}
                  class="composer__source"
                  rows={14}
                  maxLength={BODY_MAX}
                  value={values.body}
                  onInput={(e) => update('body', e.currentTarget.value, ['briefing-body'])}
                />
                <p class="field__counter" aria-hidden="true">
                  {values.body.length.toLocaleString('en-US')} / {BODY_MAX.toLocaleString('en-US')}
                </p>
              </>
            )}
          </Field>
          <section class="composer__preview" aria-labelledby="briefing-preview-heading">
            <h3 id="briefing-preview-heading" class="composer__preview-label">
              Preview
            </h3>
            {preview ? (
              <div class="markdown prose" data-testid="briefing-preview" dangerouslySetInnerHTML={{ __html: preview }} />
            ) : previewError ? (
              <p class="muted composer__empty">The preview could not load. Your text is published as Markdown all the same.</p>
            ) : values.body.trim() && !renderMarkdown ? (
              <p class="muted composer__empty">Loading the preview…</p>
            ) : (
              <p class="muted composer__empty">The formatted briefing appears here as you write.</p>
            )}
          </section>
        </div>

        <fieldset class="fieldset">
          <legend>Attachments</legend>
          <p class="field__hint">Data sheets, photos or installation notes. Each file is checked before it can be published.</p>
          <UploadList files={attachments} label="Attachments" onRemove={remove} />
          <FilePicker
            id="briefing-attachments"
            compact
            multiple
            buttonLabel={
              <>
                Add files<span class="visually-hidden"> as attachments</span>
              </>
            }
            prompt="Drag files here, or"
            accept={UPLOAD_LIMITS['briefing-attachment']!.accept}
            hint={`${UPLOAD_LIMITS['briefing-attachment']!.describe}; at most ${MAX_ATTACHMENTS} files.`}
            error={errors['briefing-attachments']}
            disabled={attachments.length >= MAX_ATTACHMENTS}
            onFiles={addFiles}
          />
          <p class="visually-hidden" aria-live="polite">
            {uploads.announcement}
          </p>
        </fieldset>

        {kind && requiresAck(kind) && (
          <Notice
            tone="info"
            title={kind === 'safety-notice' ? 'Safety notices need acknowledgement' : 'End-of-life notices need acknowledgement'}
          >
            <p>
              The HomeAIQ partnership team sees this briefing flagged until one of them acknowledges it. You will see when they
              do.
            </p>
          </Notice>
        )}

        <FormActions
          status={status}
          statusRef={statusRef}
          noun="briefing"
          failedTitle="Not published"
          submitLabel="Publish briefing"
          busy={publishing}
          busyLabel="Publishing…"
        >
          <Link href="/workspace/briefings" class="button button--ghost">
            Cancel
          </Link>
        </FormActions>
      </form>
    </WorkspaceShell>
  )
}
