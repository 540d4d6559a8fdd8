import { useState } from 'preact/hooks'
import { ApiError } from '../../api/client'
import { api } from '../../api/contracts'
import type { PartnerCategory, PartnerStatus, PartnerTier } from '../../api/types'
import { ContactFieldset, contactFieldIds, contactLabels, contactOf } from '../../components/contact'
import { Breadcrumbs, ErrorSummary, Field, FormActions, Options, parseCodes, parseLines } from '../../components/form'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash } from '../../lib/flash'
import { CATEGORIES, STATUSES, TIERS, categoryLabel, statusLabel, tierLabel } from '../../lib/format'
import { useTitle } from '../../lib/hooks'
import { attentionMessage, useSaveForm } from '../../lib/save'
import { Link, navigate } from '../../router'

const FIELD_IDS: Record<string, string> = {
  id: 'new-id',
  name: 'new-name',
  category: 'new-category',
  tier: 'new-tier',
  status: 'new-status',
  website: 'new-website',
  description: 'new-description',
  regions: 'new-regions',
  productLines: 'new-product-lines',
  ...contactFieldIds('new'),
}
const LABELS: Record<string, string> = {
  'new-name': 'Name',
  'new-id': 'Partner id',
  'new-category': 'Category',
  'new-tier': 'Tier',
  'new-status': 'Status',
  'new-website': 'Website',
  'new-description': 'Description',
  'new-regions': 'Regions served',
  'new-product-lines': 'Product lines',
  ...contactLabels('new'),
}

const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)

export function StaffNewPartnerPage() {
  useTitle('Add partner · Staff')
  const [values, setValues] = useState({
    name: '',
    id: '',
    category: 'lighting-control' as PartnerCategory,
    tier: 'standard' as PartnerTier,
    status: 'prospect' as PartnerStatus,
    website: 'https://',
    description: '',
    regions: '',
    productLines: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  })
  const [idTouched, setIdTouched] = useState(false)
  const { form, statusRef, errors, status, saving, submit } = useSaveForm(FIELD_IDS)

  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value
    setValues((v) => ({ ...v, [name]: value, ...(name === 'name' && !idTouched ? { id: slugify(value) } : {}) }))
  }

  async function add(event: Event) {
    event.preventDefault()
    const body = {
      id: values.id.trim(),
      name: values.name.trim(),
      category: values.category,
      tier: values.tier,
      status: values.status,
      website: values.website.trim(),
      description: values.description.trim(),
      regions: parseCodes(values.regions),
      productLines: parseLines(values.productLines),
      contact: contactOf(values),
    }
    await submit(
      async () => {
        const result = await api.partners.create({ body })
        setFlash(`${result.data.name} was added to the program as a ${statusLabel(result.data.status).toLowerCase()}.`)
        navigate(`/staff/partners/${encodeURIComponent(result.data.id)}`)
      },
      (error) =>
        error instanceof ApiError && error.status === 409
          ? {
              fieldErrors: { 'new-id': 'A partner with this id already exists. Choose another id.' },
              conflict: false,
              message: attentionMessage(1),
            }
          : undefined,
    )
  }

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff/partners', label: 'Partners' }, { label: 'Add partner' }]} />
      <div class="content-header">
        <div>
          <h1>Add partner</h1>
          <p class="lede">New partners start as prospects; they appear in the public directory once active.</p>
        </div>
      </div>
      <form ref={form} class="card section form form--narrow" noValidate onSubmit={add} aria-labelledby="new-partner-heading">
        <h2 id="new-partner-heading" class="visually-hidden">
          Partner details
        </h2>
        <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />
        <div class="form-grid">
          <Field id="new-name" label="Name" error={errors['new-name']}>
            {(props) => <input {...props} type="text" autocomplete="organization" value={values.name} onInput={set('name')} />}
          </Field>
          <Field
            id="new-id"
            label="Partner id"
            hint="Lowercase letters, digits and hyphens; used in addresses. It cannot change later."
            error={errors['new-id']}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                spellcheck={false}
                autocapitalize="none"
                value={values.id}
                onInput={(event) => {
                  setIdTouched(true)
                  set('id')(event)
                }}
              />
            )}
          </Field>
        </div>
        <div class="form-grid form-grid--3">
          <Field id="new-category" label="Category" error={errors['new-category']}>
            {(props) => (
              <select {...props} value={values.category} onChange={set('category')}>
                <Options values={CATEGORIES} label={categoryLabel} />
              </select>
            )}
          </Field>
          <Field id="new-tier" label="Tier" error={errors['new-tier']}>
            {(props) => (
              <select {...props} value={values.tier} onChange={set('tier')}>
                <Options values={TIERS} label={tierLabel} />
              </select>
            )}
          </Field>
          <Field id="new-status" label="Status" error={errors['new-status']}>
            {(props) => (
              <select {...props} value={values.status} onChange={set('status')}>
                <Options values={STATUSES} label={statusLabel} />
              </select>
            )}
          </Field>
        </div>
        <Field id="new-website" label="Website" hint="A full https:// address." error={errors['new-website']}>
          {(props) => <input {...props} type="url" inputMode="url" value={values.website} onInput={set('website')} />}
        </Field>
        <Field id="new-description" label="Description" optional error={errors['new-description']}>
          {(props) => <textarea {...props} rows={4} maxLength={2000} value={values.description} onInput={set('description')} />}
        </Field>
        <div class="form-grid">
          <Field
            id="new-regions"
            label="Regions served"
            optional
            hint="ISO 3166 codes, e.g. US, US-CA, CA-ON."
            error={errors['new-regions']}
          >
            {(props) => <input {...props} type="text" spellcheck={false} value={values.regions} onInput={set('regions')} />}
          </Field>
          <Field id="new-product-lines" label="Product lines" optional hint="One per line." error={errors['new-product-lines']}>
            {(props) => <textarea {...props} rows={3} value={values.productLines} onInput={set('productLines')} />}
          </Field>
        </div>
        <ContactFieldset prefix="new" values={values} errors={errors} onInput={set} columns={3} />
        <FormActions
          status={status}
          statusRef={statusRef}
          noun="partner"
          failedTitle="Partner not added"
          submitLabel="Add partner"
          busy={saving}
          busyLabel="Adding…"
        >
          <Link href="/staff/partners" class="button button--ghost">
            Cancel
          </Link>
        </FormActions>
      </form>
    </WorkspaceShell>
  )
}
