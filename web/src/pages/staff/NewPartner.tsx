import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../../api/client'
import { api } from '../../api/endpoints'
import type { PartnerCategory, PartnerStatus, PartnerTier } from '../../api/types'
import { Breadcrumbs, ErrorSummary, Field, parseCodes, parseLines } from '../../components/form'
import { Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash } from '../../lib/flash'
import { CATEGORIES, STATUSES, TIERS, categoryLabel, statusLabel, tierLabel } from '../../lib/format'
import { useTitle } from '../../lib/hooks'
import { focusFirstInvalid, saveFailure } from '../../lib/save'
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
  contact: 'new-contact-name',
  'contact.name': 'new-contact-name',
  'contact.email': 'new-contact-email',
  'contact.phone': 'new-contact-phone',
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
  'new-contact-name': 'Contact name',
  'new-contact-email': 'Contact email',
  'new-contact-phone': 'Contact phone',
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
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const form = useRef<HTMLFormElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (focusRequest && !focusFirstInvalid(form.current)) statusRef.current?.focus()
  }, [focusRequest])

  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value
    setValues((v) => ({ ...v, [name]: value, ...(name === 'name' && !idTouched ? { id: slugify(value) } : {}) }))
  }

  async function submit(event: Event) {
    event.preventDefault()
    setSaving(true)
    setFailure(undefined)
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
      contact: {
        name: values.contactName.trim(),
        email: values.contactEmail.trim(),
        ...(values.contactPhone.trim() ? { phone: values.contactPhone.trim() } : {}),
      },
    }
    try {
      const result = await api.createPartner(body)
      setFlash(`${result.data.name} was added to the program as a ${statusLabel(result.data.status).toLowerCase()}.`)
      navigate(`/staff/partners/${encodeURIComponent(result.data.id)}`)
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setErrors({ 'new-id': 'A partner with this id already exists. Choose another id.' })
        setFailure('One field needs your attention.')
      } else {
        const result = saveFailure(error, FIELD_IDS)
        setErrors(result.fieldErrors)
        setFailure(result.message)
      }
      setFocusRequest((n) => n + 1)
    } finally {
      setSaving(false)
    }
  }

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff', label: 'Partners' }, { label: 'Add partner' }]} />
      <div class="content-header">
        <div>
          <h1>Add partner</h1>
          <p class="lede">New partners start as prospects; they appear in the public directory once active.</p>
        </div>
      </div>
      <form ref={form} class="card section form form--narrow" noValidate onSubmit={submit} aria-labelledby="new-partner-heading">
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
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="new-tier" label="Tier" error={errors['new-tier']}>
            {(props) => (
              <select {...props} value={values.tier} onChange={set('tier')}>
                {TIERS.map((t) => (
                  <option key={t} value={t}>
                    {tierLabel(t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="new-status" label="Status" error={errors['new-status']}>
            {(props) => (
              <select {...props} value={values.status} onChange={set('status')}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
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
        <fieldset class="fieldset">
          <legend>Partnership contact</legend>
          <div class="form-grid form-grid--3">
            <Field id="new-contact-name" label="Name" error={errors['new-contact-name']}>
              {(props) => <input {...props} type="text" value={values.contactName} onInput={set('contactName')} />}
            </Field>
            <Field id="new-contact-email" label="Email" error={errors['new-contact-email']}>
              {(props) => <input {...props} type="email" value={values.contactEmail} onInput={set('contactEmail')} />}
            </Field>
            <Field id="new-contact-phone" label="Phone" optional error={errors['new-contact-phone']}>
              {(props) => <input {...props} type="tel" value={values.contactPhone} onInput={set('contactPhone')} />}
            </Field>
          </div>
        </fieldset>
        <div class="form-actions">
          <div class="form-actions__status" role="status" tabIndex={-1} ref={statusRef}>
            {failure && (
              <Notice tone="error" title="Partner not added">
                <p>{failure}</p>
              </Notice>
            )}
          </div>
          <div class="form-actions__buttons">
            <Link href="/staff" class="button button--ghost">
              Cancel
            </Link>
            <button type="submit" class="button button--primary" disabled={saving}>
              {saving ? 'Adding…' : 'Add partner'}
            </button>
          </div>
        </div>
      </form>
    </WorkspaceShell>
  )
}
