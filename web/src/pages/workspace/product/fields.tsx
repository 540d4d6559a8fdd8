import { Field, MoneyInput, Options } from '../../../components/form'
import { FileIcon } from '../../../components/icons'
import { FilePicker, UploadStatus } from '../../../components/upload'
import { describeError } from '../../../api/client'
import { api } from '../../../api/contracts'
import type { Lifecycle, PartnerCategory } from '../../../api/types'
import { CATEGORIES, LIFECYCLES, PROTOCOLS, categoryLabel, fileSize, lifecycleLabel, protocolLabel } from '../../../lib/format'
import { useResource } from '../../../lib/hooks'
import { UPLOAD_LIMITS, openDownload } from '../../../lib/upload'
import type { ProductFormState } from './useProductForm'
import { DESCRIPTION_MAX } from './values'

/** The product form's field groups, each a part of the form a person fills in one go. */

/** SKU (fixed once created), category, name and description. */
export function IdentityFields({ f }: { f: ProductFormState }) {
  const { record, values, update, errors } = f
  return (
    <>
      <div class="form-grid">
        {!record ? (
          <Field
            id="product-sku"
            label="SKU"
            hint="Letters, digits, dots, dashes, slashes or underscores. Stored in capitals."
            error={errors['product-sku']}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                autocapitalize="characters"
                spellcheck={false}
                maxLength={40}
                value={values.sku}
                onInput={(e) => update('sku', e.currentTarget.value, ['product-sku'])}
              />
            )}
          </Field>
        ) : (
          <div class="field">
            <p class="field__label">SKU</p>
            <p class="field__static">
              <code>{record.sku}</code> <span class="muted small">(cannot change)</span>
            </p>
          </div>
        )}
        <Field id="product-category" label="Category" error={errors['product-category']}>
          {(props) => (
            <select
              {...props}
              value={values.category}
              onChange={(e) => update('category', e.currentTarget.value as PartnerCategory, ['product-category'])}
            >
              <option value="" disabled>
                Choose a category
              </option>
              <Options values={CATEGORIES} label={categoryLabel} />
            </select>
          )}
        </Field>
      </div>
      <Field id="product-name" label="Name" error={errors['product-name']}>
        {(props) => (
          <input
            {...props}
            type="text"
            maxLength={120}
            value={values.name}
            onInput={(e) => update('name', e.currentTarget.value, ['product-name'])}
          />
        )}
      </Field>
      <Field id="product-description" label="Description" optional error={errors['product-description']}>
        {(props) => (
          <>
            <textarea
              {...props}
              rows={3}
              maxLength={DESCRIPTION_MAX}
              value={values.description}
              onInput={(e) => update('description', e.currentTarget.value, ['product-description'])}
            />
            <p class="field__counter" aria-hidden="true">
              {values.description.length} / {DESCRIPTION_MAX}
            </p>
          </>
        )}
      </Field>
    </>
  )
}

/** MSRP and MAP in dollars. */
export function PricingFields({ f }: { f: ProductFormState }) {
  const { values, update, errors } = f
  return (
    <>
      <fieldset class="fieldset">
        <legend>Pricing</legend>
        <p class="field__hint">MAP (minimum advertised price) may not exceed the MSRP.</p>
        <div class="form-grid">
          <Field id="product-msrp" label="MSRP (USD)" error={errors['product-msrp']}>
            {(props) => (
              <MoneyInput
                {...props}
                value={values.msrp}
                onInput={(text) => update('msrp', text, ['product-msrp', 'product-map'])}
              />
            )}
          </Field>
          <Field id="product-map" label="MAP (USD)" error={errors['product-map']}>
            {(props) => <MoneyInput {...props} value={values.map} onInput={(text) => update('map', text, ['product-map'])} />}
          </Field>
        </div>
      </fieldset>
    </>
  )
}

/** Lifecycle, end-of-life date and lead time. */
export function AvailabilityFields({ f }: { f: ProductFormState }) {
  const { values, update, errors } = f
  return (
    <>
      <fieldset class="fieldset">
        <legend>Availability</legend>
        <div class="form-grid">
          <Field id="product-lifecycle" label="Lifecycle" error={errors['product-lifecycle']}>
            {(props) => (
              <select
                {...props}
                value={values.lifecycle}
                onChange={(e) => update('lifecycle', e.currentTarget.value as Lifecycle, ['product-lifecycle', 'product-eol'])}
              >
                <Options values={LIFECYCLES} label={lifecycleLabel} />
              </select>
            )}
          </Field>
          <Field
            id="product-eol"
            label="End-of-life date"
            optional={values.lifecycle !== 'discontinued'}
            hint={values.lifecycle === 'discontinued' ? 'Required for a discontinued product.' : undefined}
            error={errors['product-eol']}
          >
            {(props) => (
              <input
                {...props}
                type="date"
                value={values.endOfLifeDate}
                onInput={(e) => update('endOfLifeDate', e.currentTarget.value, ['product-eol'])}
              />
            )}
          </Field>
          <Field id="product-lead-time" label="Lead time (days)" error={errors['product-lead-time']}>
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                autocomplete="off"
                value={values.leadTimeDays}
                onInput={(e) => update('leadTimeDays', e.currentTarget.value, ['product-lead-time'])}
              />
            )}
          </Field>
        </div>
      </fieldset>
    </>
  )
}

/** The protocols the product speaks. */
export function ProtocolFields({ f }: { f: ProductFormState }) {
  const { errors, values, update } = f
  const protocolError = errors['product-protocol-matter']
  return (
    <>
      <fieldset class="fieldset" aria-describedby={protocolError ? 'product-protocols-error' : undefined}>
        <legend>Protocols</legend>
        <p class="field__hint">Every protocol the product speaks.</p>
        <ul class="checkbox-grid">
          {PROTOCOLS.map((p) => {
            const id = `product-protocol-${p}`
            return (
              <li key={p}>
                <input
                  id={id}
                  type="checkbox"
                  checked={values.protocols.includes(p)}
                  aria-invalid={protocolError ? 'true' : undefined}
                  onChange={(e) =>
                    update(
                      'protocols',
                      e.currentTarget.checked ? [...values.protocols, p] : values.protocols.filter((x) => x !== p),
                      ['product-protocol-matter'],
                    )
                  }
                />
                <label for={id}>{protocolLabel(p)}</label>
              </li>
            )
          })}
        </ul>
        {protocolError && (
          <p class="field__error" id="product-protocols-error">
            {protocolError}
          </p>
        )}
      </fieldset>
    </>
  )
}

/** The spec sheet PDF: the stored one, an upload in progress, or none. */
export function SpecSheetFields({ f }: { f: ProductFormState }) {
  const { errors, sheet, scope, upload, setDownloadError, downloadError, removeSpecSheet, chooseSpecSheet } = f
  return (
    <>
      <fieldset class="fieldset">
        <legend>Spec sheet</legend>
        <p class="field__hint">The product’s data sheet as a PDF. Installers download it from the catalog.</p>
        {sheet.kind === 'stored' && (
          <div class="file-row">
            <FileIcon />
            <span class="file-row__name">
              <StoredFileName partnerId={scope.partnerId} documentId={sheet.documentId} fallback="Spec sheet on file" />
            </span>
            <span class="file-row__actions">
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => {
                  setDownloadError(undefined)
                  openDownload(scope.partnerId, sheet.documentId).catch((e: unknown) => setDownloadError(describeError(e)))
                }}
              >
                Download<span class="visually-hidden"> spec sheet</span>
              </button>
              <button type="button" class="button button--ghost button--small" onClick={removeSpecSheet}>
                Remove<span class="visually-hidden"> spec sheet</span>
              </button>
            </span>
          </div>
        )}
        {downloadError && (
          <p class="field__error" role="alert">
            {downloadError}
          </p>
        )}
        {sheet.kind === 'upload' && (
          <div class="file-row">
            <FileIcon />
            <span class="file-row__name">{sheet.filename}</span>
            <UploadStatus state={sheet.state} label={sheet.filename} />
            <span class="file-row__actions">
              <button type="button" class="button button--ghost button--small" onClick={removeSpecSheet}>
                {upload.busy ? 'Cancel' : 'Remove'}
                <span class="visually-hidden"> {sheet.filename}</span>
              </button>
            </span>
          </div>
        )}
        <FilePicker
          id="product-spec-sheet"
          compact
          buttonLabel={
            <>
              {sheet.kind === 'none' ? 'Choose a PDF' : 'Replace with another PDF'}
              <span class="visually-hidden"> for the spec sheet</span>
            </>
          }
          prompt="Drag a PDF here, or"
          accept={UPLOAD_LIMITS['spec-sheet']!.accept}
          hint="PDF, up to 25 MB. It is checked before it can be attached."
          error={errors['product-spec-sheet']}
          onFiles={chooseSpecSheet}
        />
        <p class="visually-hidden" aria-live="polite">
          {upload.announcement}
        </p>
      </fieldset>
    </>
  )
}

/** The file name of a stored upload (the product only keeps its document id). */
function StoredFileName({ partnerId, documentId, fallback }: { partnerId: string; documentId: string; fallback: string }) {
  const { resource } = useResource(
    (signal) => api.uploads.document({ params: { partnerId, documentId }, signal }).then((r) => r.data),
    [partnerId, documentId],
  )
  if (resource.status !== 'ready') return <>{fallback}</>
  return (
    <>
      {resource.data.filename} <span class="muted small">PDF · {fileSize(resource.data.size)}</span>
    </>
  )
}
