import { useState } from 'preact/hooks'
import { ApiError } from '../../../api/client'
import { api } from '../../../api/contracts'
import type { Product } from '../../../api/types'
import { setFlash } from '../../../lib/flash'
import { attentionMessage, recheck, useSaveForm } from '../../../lib/save'
import { useUpload } from '../../../lib/upload'
import { navigate } from '../../../router'
import type { CatalogScope } from '../catalog-scope'
import { FIELD_IDS, bodyOf, emptyValues, validate, valuesOf, type SpecSheet, type Values } from './values'

/**
 * The product form's state and actions: the values, the spec sheet (stored, uploading or none),
 * the errors re-checked as the user types, and the save (a create opens the new product).
 */
export function useProductForm({
  scope,
  record,
  etag,
  onSaved,
}: {
  scope: CatalogScope
  record?: Product | undefined
  etag?: string | undefined
  onSaved?: ((product: Product, etag: string) => void) | undefined
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

  return {
    isNew,
    scope,
    record,
    values,
    update,
    sheet,
    upload,
    chooseSpecSheet,
    removeSpecSheet,
    downloadError,
    setDownloadError,
    save,
    form,
    statusRef,
    errors,
    status,
    saving,
  }
}

export type ProductFormState = ReturnType<typeof useProductForm>
