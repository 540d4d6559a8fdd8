import { useState } from 'preact/hooks'
import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import { CertifiedMarker, LifecycleBadge } from '../../components/badges'
import { FlashNotice, LoadFailure, Loading } from '../../components/states'
import { useCertifiedSkus } from '../../lib/certified'
import { takeFlash } from '../../lib/flash'
import { categoryLabel, formatDate, formatMoney, protocolLabel } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { CatalogFrame, useCatalogScope } from './catalog-scope'
import { DeleteProduct } from './product/DeleteProduct'
import { PriceHistory } from './product/PriceHistory'
import { ProductForm } from './product/ProductForm'

/** The product screens: adding one, and one product with its form, facts and price history. */

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
  // one success message per save: the next save's own message replaces the one that brought us here
  const [flash, setShownFlash] = useState(takeFlash)
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
                    setShownFlash(undefined)
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
