import { productIssues } from '../../../../shared/catalog/rules'
import { PRODUCT_LIMITS, SKU_HINT, SKU_PATTERN } from '../../../../shared/catalog/vocabulary'
import { useEffect, useState } from 'preact/hooks'
import { ApiError, describeError, isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Lifecycle, PartnerCategory, PricePoint, Product, ProductBody, Protocol } from '../../api/types'
import { CertifiedMarker, LifecycleBadge } from '../../components/badges'
import { useCertifiedSkus } from '../../lib/certified'
import { ConfirmDialog } from '../../components/dialog'
import { ErrorSummary, Field, FormActions, MoneyInput, Options } from '../../components/form'
import { ErrorState, FlashNotice, LoadFailure, LoadMore, Loading, Notice } from '../../components/states'
import { FilePicker, UploadStatus } from '../../components/upload'
import { setFlash, takeFlash } from '../../lib/flash'
import {
  CATEGORIES,
  LIFECYCLES,
  PROTOCOLS,
  categoryLabel,
  centsToInput,
  fileSize,
  formatDate,
  formatMoney,
  formatTime,
  lifecycleLabel,
  parseMoney,
  protocolLabel,
} from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { attentionMessage, recheck, useSaveForm } from '../../lib/save'
import { UPLOAD_LIMITS, openDownload, pendingProblem, useUpload, type PendingUpload } from '../../lib/upload'
import { Link, navigate } from '../../router'
import { CatalogFrame, useCatalogScope, type CatalogScope } from './catalog-scope'
import { FileIcon } from '../../components/icons'

const FIELD_IDS: Record<string, string> = {
  sku: 'product-sku',
  name: 'product-name',
  category: 'product-category',
  description: 'product-description',
  msrpCents: 'product-msrp',
  mapCents: 'product-map',
  lifecycle: 'product-lifecycle',
  endOfLifeDate: 'product-eol',
  protocols: 'product-protocol-matter',
  leadTimeDays: 'product-lead-time',
  specSheetDocumentId: 'product-spec-sheet',
}
const LABELS: Record<string, string> = {
  'product-sku': 'SKU',
  'product-name': 'Name',
  'product-category': 'Category',
  'product-description': 'Description',
  'product-msrp': 'MSRP',
  'product-map': 'MAP',
  'product-lifecycle': 'Lifecycle',
  'product-eol': 'End-of-life date',
  'product-protocol-matter': 'Protocols',
  'product-lead-time': 'Lead time',
  'product-spec-sheet': 'Spec sheet',
}
const DESCRIPTION_MAX = 2000

interface Values {
  sku: string
  name: string
  category: PartnerCategory | ''
  description: string
  msrp: string
  map: string
  lifecycle: Lifecycle
  endOfLifeDate: string
  protocols: Protocol[]
  leadTimeDays: string
}

const emptyValues: Values = {
  sku: '',
  name: '',
  category: '',
  description: '',
  msrp: '',
  map: '',
  lifecycle: 'active',
  endOfLifeDate: '',
  protocols: [],
  leadTimeDays: '',
}

const valuesOf = (p: Product): Values => ({
  sku: p.sku,
  name: p.name,
  category: p.category,
  description: p.description,
  msrp: centsToInput(p.msrpCents),
  map: centsToInput(p.mapCents),
  lifecycle: p.lifecycle,
  endOfLifeDate: p.endOfLifeDate ?? '',
  protocols: [...p.protocols],
  leadTimeDays: String(p.leadTimeDays),
})

/** The spec sheet as the form holds it: the stored one, a new upload, or none. */
type SpecSheet = { kind: 'none' } | { kind: 'stored'; documentId: string } | ({ kind: 'upload' } & PendingUpload)

/** Where the catalog rules' fields sit in this form. */
const RULE_FIELDS = { mapCents: 'product-map', endOfLifeDate: 'product-eol' } as const

/** The obvious rules, checked before anything is sent (the API checks them again). */
function validate(values: Values, isNew: boolean, sheet: SpecSheet): Record<string, string> {
  const errors: Record<string, string> = {}
  const sku = values.sku.trim()
  if (isNew) {
    if (!sku) errors['product-sku'] = 'Enter the SKU.'
    else if (!SKU_PATTERN.test(sku)) errors['product-sku'] = SKU_HINT
  }
  if (!values.name.trim()) errors['product-name'] = 'Enter the product name.'
  if (!values.category) errors['product-category'] = 'Choose a category.'
  const msrp = parseMoney(values.msrp)
  const map = parseMoney(values.map)
  if (!values.msrp.trim()) errors['product-msrp'] = 'Enter the MSRP.'
  else if (msrp === undefined) errors['product-msrp'] = 'Enter an amount in dollars, e.g. 129.95.'
  else if (msrp < 1) errors['product-msrp'] = 'The MSRP must be more than $0.00.'
  if (!values.map.trim()) errors['product-map'] = 'Enter the MAP.'
  else if (map === undefined) errors['product-map'] = 'Enter an amount in dollars, e.g. 119.95.'
  // the catalog's own rules (MAP <= MSRP, an end-of-life date when discontinued), as the API runs them
  const rules = productIssues({
    msrpCents: msrp ?? 0,
    mapCents: msrp === undefined ? 0 : (map ?? 0),
    lifecycle: values.lifecycle,
    endOfLifeDate: values.endOfLifeDate || undefined,
  })
  for (const issue of rules) errors[RULE_FIELDS[issue.field as keyof typeof RULE_FIELDS]] ??= issue.message
  const lead = values.leadTimeDays.trim()
  const maxDays = PRODUCT_LIMITS.leadTimeMaxDays
  if (!lead) errors['product-lead-time'] = 'Enter the lead time in days (0 when in stock).'
  else if (!/^\d+$/.test(lead) || Number(lead) > maxDays) errors['product-lead-time'] = `Enter whole days from 0 to ${maxDays}.`
  const sheetProblem =
    sheet.kind === 'upload' && pendingProblem(sheet, 'spec sheet', 'This file was not accepted. Choose another PDF or remove it.')
  if (sheetProblem) errors['product-spec-sheet'] = sheetProblem
  return errors
}

function bodyOf(values: Values, sheet: SpecSheet): ProductBody {
  const specSheetDocumentId =
    sheet.kind === 'stored'
      ? sheet.documentId
      : sheet.kind === 'upload' && sheet.state.phase === 'ready'
        ? sheet.state.document.id
        : undefined
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    category: values.category as PartnerCategory,
    description: values.description.trim(),
    msrpCents: parseMoney(values.msrp) ?? 0,
    mapCents: parseMoney(values.map) ?? 0,
    lifecycle: values.lifecycle,
    ...(values.endOfLifeDate ? { endOfLifeDate: values.endOfLifeDate } : {}),
    protocols: PROTOCOLS.filter((p) => values.protocols.includes(p)),
    leadTimeDays: Number(values.leadTimeDays.trim()),
    ...(specSheetDocumentId ? { specSheetDocumentId } : {}),
  }
}

function ProductForm({
  scope,
  record,
  etag,
  onSaved,
  onReload,
}: {
  scope: CatalogScope
  record?: Product
  etag?: string
  onSaved?: (product: Product, etag: string) => void
  onReload?: () => void
}) {
  const isNew = !record
  const [values, setValues] = useState<Values>(() => (record ? valuesOf(record) : emptyValues))
  const [storedSheet, setStoredSheet] = useState(record?.specSheetDocumentId)
  const upload = useUpload(scope.partnerId, 'spec-sheet')
  const sheet: SpecSheet = upload.pending
    ? { kind: 'upload', ...upload.pending }
    : storedSheet
      ? { kind: 'stored', documentId: storedSheet }
      : { kind: 'none' }
  const { form, statusRef, errors, setErrors, status, setStatus, saving, refuse, submit } = useSaveForm(FIELD_IDS)
  const [downloadError, setDownloadError] = useState<string>()

  /**
   * Re-checks fields that already show an error as the user types, so a fix shows at once.
   * (No checks on blur: an error appearing then shifts the layout under the pointer.)
   */
  const update = <K extends keyof Values>(name: K, value: Values[K], ids: string[]) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, validate(next, isNew, sheet), ids))
    if (status.kind === 'saved') setStatus({ kind: 'idle' })
  }

  function chooseSpecSheet(files: File[]) {
    const file = files[0]
    if (!file) return
    setErrors(({ 'product-spec-sheet': _drop, ...rest }) => rest)
    void upload.choose(file)
  }

  function removeSpecSheet() {
    setStoredSheet(undefined)
    upload.clear('Spec sheet removed. Save to apply.')
    setErrors(({ 'product-spec-sheet': _drop, ...rest }) => rest)
  }

  async function save(event: Event) {
    event.preventDefault()
    const clientErrors = validate(values, isNew, sheet)
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    const body = bodyOf(values, sheet)
    await submit(
      async () => {
        if (isNew) {
          const created = await api.catalog.create({ params: { partnerId: scope.partnerId }, body })
          setFlash(`${created.data.sku} was added to the catalog.`)
          navigate(`${scope.base}/${encodeURIComponent(created.data.sku)}`)
          return
        }
        const result = await api.catalog.replace({ params: { partnerId: scope.partnerId, sku: record.sku }, etag: etag!, body })
        setValues(valuesOf(result.data))
        setStoredSheet(result.data.specSheetDocumentId)
        upload.clear()
        onSaved?.(result.data, result.etag ?? etag!)
      },
      (error) =>
        error instanceof ApiError && error.status === 409
          ? {
              fieldErrors: { 'product-sku': `A product with the SKU ${body.sku.toUpperCase()} is already in the catalog.` },
              conflict: false,
              message: attentionMessage(1),
            }
          : undefined,
    )
  }

  const protocolError = errors['product-protocol-matter']

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="product-form-heading">
      <h2 id="product-form-heading">{isNew ? 'Product details' : 'Edit product'}</h2>
      <p class="muted form__intro">
        {isNew
          ? 'Prices are in US dollars. Every price change is kept in the product’s price history.'
          : 'Saving replaces the product. If someone else saved it since you opened it, you will be asked to reload first.'}
      </p>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

      <div class="form-grid">
        {isNew ? (
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

      <FormActions
        status={status}
        statusRef={statusRef}
        noun="product"
        onReload={onReload}
        saved={<Notice tone="success" title="Product saved" />}
        submitLabel={isNew ? 'Add product' : 'Save product'}
        busy={saving}
      >
        {isNew && (
          <Link href={scope.base} class="button button--ghost">
            Cancel
          </Link>
        )}
      </FormActions>
    </form>
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

/** An email address that may wrap before its @ in a narrow column. */
function EmailBreakable({ email }: { email: string }) {
  const at = email.indexOf('@')
  if (at <= 0) return <>{email}</>
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  )
}

function PriceHistory({ scope, sku, refresh }: { scope: CatalogScope; sku: string; refresh: number }) {
  const { resource, reload } = useResource(
    (signal) =>
      api.catalog.prices({ params: { partnerId: scope.partnerId, sku }, query: { limit: 20 }, signal }).then((r) => r.data),
    [scope.partnerId, sku, refresh],
  )
  const [more, setMore] = useState<{ items: PricePoint[]; cursor?: string | undefined }>({ items: [] })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  useEffect(() => setMore({ items: [] }), [resource])
  const page = resource.status === 'ready' ? resource.data : undefined
  const items = page ? [...page.items, ...more.items] : []
  const cursor = more.items.length ? more.cursor : page?.nextCursor

  async function loadMore() {
    if (!cursor) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const { data: next } = await api.catalog.prices({
        params: { partnerId: scope.partnerId, sku },
        query: { limit: 20, cursor },
      })
      setMore((m) => ({ items: [...m.items, ...next.items], cursor: next.nextCursor }))
    } catch (err) {
      setMoreError(describeError(err))
    } finally {
      setLoadingMore(false)
    }
  }

  return (
    <section class="card section" aria-labelledby="price-history-heading">
      <h2 id="price-history-heading">Price history</h2>
      {resource.status === 'loading' && <Loading label="Loading price history…" />}
      {resource.status === 'error' && <ErrorState title="Price history unavailable" error={resource.error} onRetry={reload} />}
      {page && items.length === 0 && <p class="muted">No prices recorded yet.</p>}
      {page && items.length > 0 && (
        <table class="table table--compact price-history">
          <caption class="visually-hidden">Price changes for {sku}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col" class="numeric">
                MSRP
              </th>
              <th scope="col" class="numeric">
                MAP
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((point, i) => (
              <tr key={`${point.at}-${i}`}>
                <th scope="row">
                  <span class="price-history__when">{formatDate(point.at)}</span>
                  <span class="table__sub table__sub--plain">
                    {formatTime(point.at)} · <EmailBreakable email={point.by} />
                  </span>
                </th>
                <td class="numeric">{formatMoney(point.msrpCents)}</td>
                <td class="numeric">{formatMoney(point.mapCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        nextCursor={cursor}
        moreError={moreError}
        loadingMore={loadingMore}
        loadMore={loadMore}
        label="Older prices"
        compact
      />
    </section>
  )
}

function DeleteProduct({ scope, product, etag }: { scope: CatalogScope; product: Product; etag: string }) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  async function confirm() {
    setBusy(true)
    setError(undefined)
    try {
      await api.catalog.remove({ params: { partnerId: scope.partnerId, sku: product.sku }, etag })
      setOpen(false)
      setFlash(`${product.sku} (${product.name}) was deleted from the catalog.`)
      navigate(scope.base)
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 412
          ? 'Someone changed this product since you opened it. Close this, reload the page and check it before deleting.'
          : describeError(err),
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" class="button button--danger-ghost" onClick={() => setOpen(true)}>
        <svg viewBox="0 0 20 20" aria-hidden="true" class="button__icon">
          <path
            d="M4 6h12M8 6V4h4v2m-6 0 .7 10h6.6L14 6"
            fill="none"
            stroke="currentColor"
            stroke-width="1.7"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        Delete product
      </button>
      <ConfirmDialog
        id="delete-product"
        open={open}
        title={`Delete ${product.sku}?`}
        confirmLabel="Delete product"
        busyLabel="Deleting…"
        busy={busy}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false)
          setError(undefined)
        }}
      >
        <p>
          {product.name} disappears from the catalog HomeAIQ designers and installers see. Briefings that mention it keep its SKU.
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  )
}

export function NewProductPage({ staffPartnerId }: { staffPartnerId?: string }) {
  const scope = useCatalogScope(staffPartnerId)
  useTitle(scope.staff ? `Add product · ${scope.partnerName ?? 'Partner'} · Staff` : 'Add product')
  return (
    <CatalogFrame scope={scope} crumbs={[{ label: 'Add product' }]}>
      <div class="content-header">
        <div>
          <h1>Add a product</h1>
          <p class="lede">One product at a time. For many, import a CSV from the catalog page.</p>
        </div>
      </div>
      <div class="form--narrow">
        <ProductForm scope={scope} />
      </div>
    </CatalogFrame>
  )
}

export function ProductPage({ sku, staffPartnerId }: { sku: string; staffPartnerId?: string }) {
  const scope = useCatalogScope(staffPartnerId)
  const { resource, reload, replace } = useResource(
    (signal) => api.catalog.get({ params: { partnerId: scope.partnerId, sku }, signal }),
    [scope.partnerId, sku],
  )
  const [flash] = useState(takeFlash)
  const [historyKey, setHistoryKey] = useState(0)
  const [formKey, setFormKey] = useState(0)
  const certified = useCertifiedSkus(scope.partnerId)
  const notFound = resource.status === 'error' && isNotFound(resource.error)
  const record = resource.status === 'ready' ? resource.data : undefined
  useTitle(record ? `${record.data.sku} · ${record.data.name}` : notFound ? 'Product not found' : 'Product')

  return (
    <CatalogFrame scope={scope} crumbs={[{ label: record?.data.sku ?? sku }]}>
      {resource.status === 'loading' && <Loading label="Loading product…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="product"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message={`There is no product with the SKU “${sku}” in this catalog. It may have been deleted.`}
          back={{ href: scope.base, label: 'Back to the catalog' }}
        />
      )}
      {record && (
        <>
          <div class="content-header">
            <div>
              <h1>{record.data.name}</h1>
              <div class="content-header__tags">
                <code class="sku-tag">{record.data.sku}</code>
                <LifecycleBadge lifecycle={record.data.lifecycle} />
                <CertifiedMarker programs={certified.get(record.data.sku) ?? []} />
                <span class="muted">{categoryLabel(record.data.category)}</span>
              </div>
            </div>
            {record.etag && <DeleteProduct scope={scope} product={record.data} etag={record.etag} />}
          </div>
          <FlashNotice message={flash} />
          <div class="content-layout">
            <div>
              {record.etag ? (
                <ProductForm
                  key={formKey}
                  scope={scope}
                  record={record.data}
                  etag={record.etag}
                  onSaved={(data, etag) => {
                    replace({ data, etag, status: 200 })
                    setHistoryKey((n) => n + 1)
                  }}
                  onReload={() => {
                    reload()
                    setFormKey((n) => n + 1)
                  }}
                />
              ) : null}
            </div>
            <div class="stack">
              <aside class="card section" aria-labelledby="product-facts-heading">
                <h2 id="product-facts-heading">At a glance</h2>
                <dl class="facts">
                  <div>
                    <dt>MSRP / MAP</dt>
                    <dd>
                      {formatMoney(record.data.msrpCents)} / {formatMoney(record.data.mapCents)}
                    </dd>
                  </div>
                  {scope.staff && record.data.dealerCostCents !== undefined && (
                    <div>
                      <dt>Dealer cost</dt>
                      <dd>
                        {formatMoney(record.data.dealerCostCents)} <span class="muted small">(negotiated base discount)</span>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>Protocols</dt>
                    <dd>
                      {record.data.protocols.length ? (
                        record.data.protocols.map(protocolLabel).join(', ')
                      ) : (
                        <span class="muted">None listed</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>Record</dt>
                    <dd class="small muted">
                      Version {record.data.version} · added {formatDate(record.data.createdAt)} · updated{' '}
                      {formatDate(record.data.updatedAt)}
                    </dd>
                  </div>
                </dl>
              </aside>
              <PriceHistory scope={scope} sku={record.data.sku} refresh={historyKey} />
            </div>
          </div>
        </>
      )}
    </CatalogFrame>
  )
}
