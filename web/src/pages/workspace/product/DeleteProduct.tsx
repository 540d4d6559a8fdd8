import { useState } from 'preact/hooks'
import { ApiError, describeError } from '../../../api/client'
import { api } from '../../../api/contracts'
import type { Product } from '../../../api/types'
import { ConfirmDialog } from '../../../components/dialog'
import { TrashIcon } from '../../../components/icons'
import { setFlash } from '../../../lib/flash'
import { navigate } from '../../../router'
import type { CatalogScope } from '../catalog-scope'

export function DeleteProduct({ scope, product, etag }: { scope: CatalogScope; product: Product; etag: string }) {
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
        <TrashIcon />
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
