import type { BriefingKind } from '../../../api/types'
import { Field, Options } from '../../../components/form'
import { Notice } from '../../../components/states'
import { FilePicker, UploadList } from '../../../components/upload'
import { BRIEFING_KINDS, kindLabel } from '../../../lib/format'
import { needsSkus, requiresAck } from '../../../../../shared/briefings/vocabulary'
import { UPLOAD_LIMITS } from '../../../lib/upload'
import type { ComposerState } from './useBriefingComposer'
import { BODY_MAX, KIND_HINTS, MAX_ATTACHMENTS, NOTE_MAX, TITLE_MAX } from './values'

/** The composer's field groups, in the order a briefing is written. */

/** What kind of briefing, and when it takes effect. */
export function KindAndDateFields({ c }: { c: ComposerState }) {
  const { values, update, errors, correcting } = c
  const kind = values.kind || undefined
  const applied = correcting?.eolAppliedAt
  return (
    <>
      <div class="form-grid">
        <Field
          id="briefing-kind"
          label="Kind"
          hint={
            correcting
              ? 'A correction keeps the kind: for another kind, publish a new briefing.'
              : kind
                ? KIND_HINTS[kind]
                : 'What the briefing is about.'
          }
          error={errors['briefing-kind']}
        >
          {(props) => (
            <select
              {...props}
              disabled={!!correcting}
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
          hint={
            applied
              ? 'The products were marked discontinued on this date: it can no longer change.'
              : 'When this takes effect (for end-of-life: the last day of sale).'
          }
          error={errors['briefing-date']}
        >
          {(props) => (
            <input
              {...props}
              disabled={!!applied}
              type="date"
              value={values.effectiveDate}
              onInput={(e) => update('effectiveDate', e.currentTarget.value, ['briefing-date'])}
            />
          )}
        </Field>
      </div>
    </>
  )
}

/** The title, with its length. */
export function TitleField({ c }: { c: ComposerState }) {
  const { values, update, errors } = c
  return (
    <>
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
    </>
  )
}

/** The affected SKUs, as typed and as they will be listed. */
export function SkusField({ c }: { c: ComposerState }) {
  const { values, update, errors, skus, correcting } = c
  const kind = values.kind || undefined
  const applied = correcting?.eolAppliedAt
  return (
    <>
      <Field
        id="briefing-skus"
        label="Affected SKUs"
        optional={!kind || !needsSkus(kind)}
        hint={
          applied
            ? 'These products were marked discontinued: for others, publish a new end-of-life briefing.'
            : 'Separate SKUs with commas or spaces, e.g. RRD-6NA, PD-6WCL.'
        }
        error={errors['briefing-skus']}
      >
        {(props) => (
          <>
            <input
              {...props}
              disabled={!!applied}
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
    </>
  )
}

/** The Markdown body beside its live preview. */
export function BodyField({ c }: { c: ComposerState }) {
  const { values, update, errors, preview } = c
  return (
    <>
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
          {preview.html ? (
            <div class="markdown prose" data-testid="briefing-preview" dangerouslySetInnerHTML={{ __html: preview.html }} />
          ) : preview.failed ? (
            <p class="muted composer__empty">The preview could not load. Your text is published as Markdown all the same.</p>
          ) : values.body.trim() && !preview.ready ? (
            <p class="muted composer__empty">Loading the preview…</p>
          ) : (
            <p class="muted composer__empty">The formatted briefing appears here as you write.</p>
          )}
        </section>
      </div>
    </>
  )
}

/** Files attached to the briefing, each checked before it can be published. */
export function AttachmentsField({ c }: { c: ComposerState }) {
  const { errors, uploads, attachments, addFiles, remove } = c
  return (
    <>
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
    </>
  )
}

/** Says which kinds stay flagged until HomeAIQ acknowledges them. */
export function AcknowledgementNote({ c }: { c: ComposerState }) {
  const kind = c.values.kind || undefined
  return (
    <>
      {kind && requiresAck(kind) && (
        <Notice
          tone="info"
          title={kind === 'safety-notice' ? 'Safety notices need acknowledgement' : 'End-of-life notices need acknowledgement'}
        >
          <p>
            The HomeAIQ partnership team sees this briefing flagged until one of them acknowledges it. You will see when they do.
          </p>
        </Notice>
      )}
    </>
  )
}

/** A correction's note: what changed, shown with the correction to everyone who reads the briefing. */
export function NoteField({ c }: { c: ComposerState }) {
  const { values, update, errors } = c
  return (
    <Field
      id="briefing-note"
      label="What changed"
      hint="Shown with the correction, e.g. “Lot range widened to 2311–2316 after the supplier’s report.”"
      error={errors['briefing-note']}
    >
      {(props) => (
        <>
          <textarea
            {...props}
            rows={3}
            maxLength={NOTE_MAX}
            value={values.note}
            onInput={(e) => update('note', e.currentTarget.value, ['briefing-note'])}
          />
          <p class="field__counter" aria-hidden="true">
            {values.note.length} / {NOTE_MAX}
          </p>
        </>
      )}
    </Field>
  )
}

/** Says what a correction does to HomeAIQ’s acknowledgement of the version it replaces. */
export function CorrectionNote({ c }: { c: ComposerState }) {
  const briefing = c.correcting
  if (!briefing?.requiresAck) return null
  return (
    <Notice tone="info" title="HomeAIQ acknowledges the correction again">
      <p>
        {briefing.acknowledgements.length > 0
          ? 'HomeAIQ acknowledged the version you are correcting. Publishing this correction sets that aside: the briefing is flagged for the partnership team until they acknowledge the corrected text.'
          : 'The briefing stays flagged for the partnership team until they acknowledge it; they are told about the correction.'}
      </p>
    </Notice>
  )
}
