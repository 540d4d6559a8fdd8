import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../../api/endpoints'
import type { Me, Partner } from '../../api/types'
import { useAuth } from '../../auth/context'
import { StatusPill } from '../../components/badges'
import { ErrorSummary, Field, parseCodes, parseLines } from '../../components/form'
import { RegionList } from '../../components/PartnerCard'
import { ErrorState, Loading, Notice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { categoryLabel, formatDate, tierLabel } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { focusFirstInvalid, sameList, saveFailure } from '../../lib/save'
import { Link } from '../../router'
import { ExternalLink, Paragraphs } from '../PartnerProfile'

const FIELD_IDS: Record<string, string> = {
  description: 'listing-description',
  website: 'listing-website',
  regions: 'listing-regions',
  productLines: 'listing-product-lines',
  contact: 'listing-contact-name',
  'contact.name': 'listing-contact-name',
  'contact.email': 'listing-contact-email',
  'contact.phone': 'listing-contact-phone',
}

const LABELS: Record<string, string> = {
  'listing-description': 'Description',
  'listing-website': 'Website',
  'listing-regions': 'Regions served',
  'listing-product-lines': 'Product lines',
  'listing-contact-name': 'Contact name',
  'listing-contact-email': 'Contact email',
  'listing-contact-phone': 'Contact phone',
}

const DESCRIPTION_MAX = 2000

interface Values {
  description: string
  website: string
  regions: string
  productLines: string
  contactName: string
  contactEmail: string
  contactPhone: string
}

const valuesOf = (p: Partner): Values => ({
  description: p.description,
  website: p.website,
  regions: p.regions.join(', '),
  productLines: p.productLines.join('\n'),
  contactName: p.contact.name,
  contactEmail: p.contact.email,
  contactPhone: p.contact.phone ?? '',
})

/** Only the fields that differ from the record, in the API's shape. */
function changesOf(record: Partner, values: Values): Record<string, unknown> {
  const changes: Record<string, unknown> = {}
  if (values.description.trim() !== record.description) changes.description = values.description.trim()
  if (values.website.trim() !== record.website) changes.website = values.website.trim()
  const regions = parseCodes(values.regions)
  if (!sameList(regions, record.regions)) changes.regions = regions
  const productLines = parseLines(values.productLines)
  if (!sameList(productLines, record.productLines)) changes.productLines = productLines
  const contact = {
    name: values.contactName.trim(),
    email: values.contactEmail.trim(),
    ...(values.contactPhone.trim() ? { phone: values.contactPhone.trim() } : {}),
  }
  if (
    contact.name !== record.contact.name ||
    contact.email !== record.contact.email ||
    (contact.phone ?? '') !== (record.contact.phone ?? '')
  ) {
    changes.contact = contact
  }
  return changes
}

type Status =
  { kind: 'idle' } | { kind: 'saved'; at: Date } | { kind: 'unchanged' } | { kind: 'failed'; message: string; conflict: boolean }

function ListingForm({
  record,
  etag,
  onSaved,
  onReload,
}: {
  record: Partner
  etag: string
  onSaved: (record: Partner, etag: string) => void
  onReload: () => void
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(record))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [saving, setSaving] = useState(false)
  const [focusRequest, setFocusRequest] = useState(0)
  const form = useRef<HTMLFormElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (focusRequest === 0) return
    if (!focusFirstInvalid(form.current)) statusRef.current?.focus()
  }, [focusRequest])

  const set = (name: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value
    setValues((v) => ({ ...v, [name]: value }))
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' })
  }

  const changes = changesOf(record, values)
  const dirty = Object.keys(changes).length > 0

  async function save(event: Event) {
    event.preventDefault()
    if (!dirty) {
      setStatus({ kind: 'unchanged' })
      return
    }
    setSaving(true)
    setStatus({ kind: 'idle' })
    try {
      const result = await api.updatePartner(record.id, etag, changes)
      setErrors({})
      onSaved(result.data, result.etag ?? etag)
      setValues(valuesOf(result.data))
      setStatus({ kind: 'saved', at: new Date() })
    } catch (error) {
      const failure = saveFailure(error, FIELD_IDS)
      setErrors(failure.fieldErrors)
      setStatus({ kind: 'failed', message: failure.message, conflict: failure.conflict })
      setFocusRequest((n) => n + 1)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="listing-form-heading">
      <h2 id="listing-form-heading">Public listing</h2>
      <p class="muted form__intro">
        What anyone sees on your <Link href={`/partners/${encodeURIComponent(record.id)}`}>public profile</Link> in the partner
        directory.
      </p>

      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

      <Field
        id="listing-description"
        label="Description"
        hint="A few sentences on what you make and why integrators choose you. Separate paragraphs with a blank line."
        error={errors['listing-description']}
      >
        {(props) => (
          <>
            <textarea {...props} rows={7} maxLength={DESCRIPTION_MAX} value={values.description} onInput={set('description')} />
            <p class="field__counter" aria-hidden="true">
              {values.description.length} / {DESCRIPTION_MAX}
            </p>
          </>
        )}
      </Field>

      <Field id="listing-website" label="Website" hint="A full https:// address." error={errors['listing-website']}>
        {(props) => (
          <input {...props} type="url" inputMode="url" autocomplete="url" value={values.website} onInput={set('website')} />
        )}
      </Field>

      <Field
        id="listing-regions"
        label="Regions served"
        hint="ISO 3166 codes separated by commas or spaces, e.g. US, US-CA, CA-ON."
        error={errors['listing-regions']}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            autocapitalize="characters"
            spellcheck={false}
            value={values.regions}
            onInput={set('regions')}
          />
        )}
      </Field>

      <Field
        id="listing-product-lines"
        label="Product lines"
        hint="One per line (up to 20)."
        error={errors['listing-product-lines']}
      >
        {(props) => <textarea {...props} rows={4} value={values.productLines} onInput={set('productLines')} />}
      </Field>

      <fieldset class="fieldset">
        <legend>Partnership contact</legend>
        <p class="field__hint">Shown to HomeAIQ staff, not in the public directory.</p>
        <div class="form-grid">
          <Field id="listing-contact-name" label="Name" error={errors['listing-contact-name']}>
            {(props) => (
              <input {...props} type="text" autocomplete="name" value={values.contactName} onInput={set('contactName')} />
            )}
          </Field>
          <Field id="listing-contact-email" label="Email" error={errors['listing-contact-email']}>
            {(props) => (
              <input {...props} type="email" autocomplete="email" value={values.contactEmail} onInput={set('contactEmail')} />
            )}
          </Field>
          <Field id="listing-contact-phone" label="Phone" optional error={errors['listing-contact-phone']}>
            {(props) => (
              <input {...props} type="tel" autocomplete="tel" value={values.contactPhone} onInput={set('contactPhone')} />
            )}
          </Field>
        </div>
      </fieldset>

      <div class="form-actions">
        <div class="form-actions__status" role="status" tabIndex={-1} ref={statusRef}>
          {status.kind === 'saved' && (
            <Notice tone="success" title="Listing saved">
              <p>
                Your changes are live in the directory.{' '}
                <Link href={`/partners/${encodeURIComponent(record.id)}`}>View public profile</Link>
              </p>
            </Notice>
          )}
          {status.kind === 'unchanged' && <Notice tone="info">Nothing to save: no field has changed.</Notice>}
          {status.kind === 'failed' && (
            <Notice tone={status.conflict ? 'warning' : 'error'} title={status.conflict ? 'This listing changed' : 'Not saved'}>
              <p>{status.message}</p>
              {status.conflict && (
                <button type="button" class="button button--secondary button--small" onClick={onReload}>
                  Reload latest version
                </button>
              )}
            </Notice>
          )}
        </div>
        <div class="form-actions__buttons">
          <button
            type="button"
            class="button button--ghost"
            disabled={!dirty || saving}
            onClick={() => {
              setValues(valuesOf(record))
              setErrors({})
              setStatus({ kind: 'idle' })
            }}
          >
            Discard changes
          </button>
          <button type="submit" class="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save listing'}
          </button>
        </div>
      </div>
    </form>
  )
}

function ReadOnlyListing({ record }: { record: Partner }) {
  return (
    <section class="card section" aria-labelledby="listing-view-heading">
      <h2 id="listing-view-heading">Public listing</h2>
      <dl class="facts facts--wide">
        <div>
          <dt>Description</dt>
          <dd class="prose">
            <Paragraphs text={record.description} empty="No description yet." />
          </dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>{record.website ? <ExternalLink href={record.website}>{record.website}</ExternalLink> : '—'}</dd>
        </div>
        <div>
          <dt>Regions served</dt>
          <dd>
            <RegionList regions={record.regions} />
          </dd>
        </div>
        <div>
          <dt>Product lines</dt>
          <dd>{record.productLines.length ? record.productLines.join(', ') : <span class="muted">None listed</span>}</dd>
        </div>
        <div>
          <dt>Partnership contact</dt>
          <dd>
            {record.contact.name} · {record.contact.email}
            {record.contact.phone ? ` · ${record.contact.phone}` : ''}
          </dd>
        </div>
      </dl>
    </section>
  )
}

function ProgramFacts({ record }: { record: Partner }) {
  return (
    <aside class="card section" aria-labelledby="program-heading">
      <h2 id="program-heading">Program</h2>
      <dl class="facts">
        <div>
          <dt>Tier</dt>
          <dd>{tierLabel(record.tier)}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{categoryLabel(record.category)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusPill status={record.status} />
          </dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>{formatDate(record.updatedAt)}</dd>
        </div>
      </dl>
      <p class="muted small">Tier, category and status are managed by the HomeAIQ partnership team.</p>
    </aside>
  )
}

export function WorkspaceListingPage() {
  const { state } = useAuth()
  const me = (state.status === 'signed-in' ? state.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const { resource, reload, replace } = useResource((signal) => api.partner(partnerId, signal), [partnerId])
  useTitle('Directory listing')
  const canEdit = me.role === 'partner-admin'
  const record = resource.status === 'ready' ? resource.data : undefined

  return (
    <WorkspaceShell
      kind="Partner workspace"
      organisation={me.partnerName ?? record?.data.name ?? 'Your company'}
      nav={PARTNER_NAV}
    >
      <div class="content-header">
        <div>
          <h1>Directory listing</h1>
          <p class="lede">How your company appears in the HomeAIQ partner directory.</p>
        </div>
        {record && (
          <Link href={`/partners/${encodeURIComponent(record.data.id)}`} class="button button--secondary">
            View public profile
          </Link>
        )}
      </div>

      {resource.status === 'loading' && <Loading label="Loading your listing…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load your listing" error={resource.error} onRetry={reload} />
      )}
      {record && (
        <div class="content-layout">
          <div>
            {!canEdit && (
              <Notice tone="info" title="Read-only">
                <p>Only your company's partner admins can edit this listing. Ask an admin to make changes.</p>
              </Notice>
            )}
            {canEdit && record.etag ? (
              <ListingForm
                record={record.data}
                etag={record.etag}
                onSaved={(data, etag) => replace({ data, etag, status: 200 })}
                onReload={reload}
              />
            ) : (
              <ReadOnlyListing record={record.data} />
            )}
          </div>
          <ProgramFacts record={record.data} />
        </div>
      )}
    </WorkspaceShell>
  )
}
