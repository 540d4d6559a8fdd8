import type { Product } from '../../../api/types'
import { ErrorSummary, FormActions } from '../../../components/form'
import { Notice } from '../../../components/states'
import { Link } from '../../../router'
import type { CatalogScope } from '../catalog-scope'
import { AvailabilityFields, IdentityFields, PricingFields, ProtocolFields, SpecSheetFields } from './fields'
import { useProductForm } from './useProductForm'
import { LABELS } from './values'

/** A product's form, new or existing: its field groups over one state (useProductForm). */
export function ProductForm({
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
  const f = useProductForm({ scope, record, etag, onSaved })
  const { isNew, form, save, errors, status, statusRef, saving } = f
  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="product-form-heading">
      <h2 id="product-form-heading">{isNew ? 'Product details' : 'Edit product'}</h2>
      <p class="muted form__intro">
        {isNew
          ? 'Prices are in US dollars. Every price change is kept in the product’s price history.'
          : 'Saving replaces the product. If someone else saved it since you opened it, you will be asked to reload first.'}
      </p>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />
      <IdentityFields f={f} />
      <PricingFields f={f} />
      <AvailabilityFields f={f} />
      <ProtocolFields f={f} />
      <SpecSheetFields f={f} />
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
