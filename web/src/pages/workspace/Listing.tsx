import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Me, Partner, PortalDocumentView } from '../../api/types'
import { useAuth } from '../../auth/context'
import { StatusPill } from '../../components/badges'
import {
  ContactFieldset,
  contactFieldIds,
  contactLabels,
  contactOf,
  contactValues,
  type ContactValues,
} from '../../components/contact'
import { ErrorSummary, Field, FormActions, parseCodes, parseLines } from '../../components/form'
import { PartnerLogo, RegionList } from '../../components/PartnerCard'
import { ErrorState, Loading, Notice } from '../../components/states'
import { FilePicker, UploadStatus } from '../../components/upload'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { categoryLabel, formatDate, tierLabel } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { sameList, useSaveForm, type RecordFormProps } from '../../lib/save'
import { UPLOAD_LIMITS, pendingProblem, useUpload } from '../../lib/upload'
import { Link } from '../../router'
import { ExternalLink, Paragraphs } from '../PartnerProfile'

const FIELD_IDS: Record<string, string> = {
  description: 'listing-description',
  website: 'listing-website',
  regions: 'listing-regions',
  productLines: 'listing-product-lines',
  ...contactFieldIds('listing'),
  logoDocumentId: 'listing-logo',
}

const LABELS: Record<string, string> = {
  'listing-description': 'Description',
  'listing-website': 'Website',
  'listing-regions': 'Regions served',
  'listing-product-lines': 'Product lines',
  ...contactLabels('listing'),
  'listing-logo': 'Logo',
}

const DESCRIPTION_MAX = 2000

interface Values extends ContactValues {
  description: string
  website: string
  regions: string
  productLines: string
}

const valuesOf = (p: Partner): Values => ({
  description: p.description,
  website: p.website,
  regions: p.regions.join(', '),
  productLines: p.productLines.join('\n'),
  ...contactValues(p.contact),
})

/** Only the fields that differ from the record, in the API's shape; `logo` is a new, checked upload. */
function changesOf(record: Partner, values: Values, logo: PortalDocumentView | undefined): Record<string, unknown> {
  const changes: Record<string, unknown> = {}
  if (logo && logo.id !== record.logoDocumentId) changes.logoDocumentId = logo.id
  if (values.description.trim() !== record.description) changes.description = values.description.trim()
  if (values.website.trim() !== record.website) changes.website = values.website.trim()
  const regions = parseCodes(values.regions)
  if (!sameList(regions, record.regions)) changes.regions = regions
  const productLines = parseLines(values.productLines)
  if (!sameList(productLines, record.productLines)) changes.productLines = productLines
  const contact = contactOf(values)
  if (
    contact.name !== record.contact.name ||
    contact.email !== record.contact.email ||
    (contact.phone ?? '') !== (record.contact.phone ?? '')
  ) {
    changes.contact = contact
  }
  return changes
}

/** A stored document's short-lived link (an image's source), once the API has answered. */
function useDocumentUrl(partnerId: string, documentId: string | undefined): string | undefined {
  const { resource } = useResource(
    (signal) =>
      documentId
        ? api.uploads.document({ params: { partnerId, documentId }, signal }).then((r) => r.data)
        : Promise.resolve(undefined),
    [partnerId, documentId],
  )
  return resource.status === 'ready' ? resource.data?.downloadUrl : undefined
}

/** The partner's logo as saved, or its monogram; `caption` says what it is. */
function LogoFigure({ record, src, caption }: { record: Partner; src?: string | undefined; caption: string }) {
  return (
    <figure class="logo-figure">
      <PartnerLogo name={record.name} category={record.category} src={src} large />
      <figcaption class="logo-figure__caption">{caption}</figcaption>
    </figure>
  )
}

function StoredLogo({ record }: { record: Partner }) {
  const src = useDocumentUrl(record.id, record.logoDocumentId)
  return (
    <LogoFigure
      record={record}
      src={src}
      caption={record.logoDocumentId ? 'Current logo' : 'No logo yet: the directory shows your initials.'}
    />
  )
}

function ListingForm({ record, etag, onSaved, onReload }: RecordFormProps<Partner>) {
  const [values, setValues] = useState<Values>(() => valuesOf(record))
  const { form, statusRef, errors, setErrors, status, setStatus, saving, refuse, submit } = useSaveForm(FIELD_IDS)
  const logo = useUpload(record.id, 'logo')

  const edited = () => {
    if (status.kind === 'saved' || status.kind === 'unchanged') setStatus({ kind: 'idle' })
  }
  const set = (name: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value
    setValues((v) => ({ ...v, [name]: value }))
    edited()
  }

  function chooseLogo(files: File[]) {
    const file = files[0]
    if (!file) return
    setErrors(({ 'listing-logo': _drop, ...rest }) => rest)
    edited()
    void logo.choose(file)
  }

  function dropLogo() {
    setErrors(({ 'listing-logo': _drop, ...rest }) => rest)
    logo.clear(record.logoDocumentId ? 'New logo removed: the current logo stays.' : 'New logo removed.')
  }

  const changes = changesOf(record, values, logo.ready)
  const dirty = Object.keys(changes).length > 0 || !!logo.pending

  async function save(event: Event) {
    event.preventDefault()
    const logoProblem = pendingProblem(logo.pending, 'logo', 'This image was not accepted. Choose another image or remove it.')
    if (logoProblem) {
      refuse({ 'listing-logo': logoProblem })
      return
    }
    if (!dirty) {
      setStatus({ kind: 'unchanged' })
      return
    }
    await submit(async () => {
      const result = await api.partners.update({ params: { partnerId: record.id }, etag, body: changes })
      onSaved(result.data, result.etag ?? etag)
      setValues(valuesOf(result.data))
      logo.clear()
    })
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="listing-form-heading">
      <h2 id="listing-form-heading">Public listing</h2>
      <p class="muted form__intro">
        What anyone sees on your <Link href={`/partners/${encodeURIComponent(record.id)}`}>public profile</Link> in the partner
        directory.
      </p>

      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

      <fieldset class="fieldset">
        <legend>Logo</legend>
        <p class="field__hint">Shown on your directory card and profile instead of your initials.</p>
        <div class="logo-field">
          {logo.ready ? (
            <LogoFigure record={record} src={logo.ready.downloadUrl} caption="New logo: save the listing to publish it." />
          ) : (
            <StoredLogo record={record} />
          )}
          <div class="logo-field__controls">
            {logo.pending && (
              <div class="file-row">
                <span class="file-row__name">{logo.pending.filename}</span>
                <UploadStatus state={logo.pending.state} label={logo.pending.filename} />
                <span class="file-row__actions">
                  <button type="button" class="button button--ghost button--small" onClick={dropLogo}>
                    {logo.busy ? 'Cancel' : 'Remove'}
                    <span class="visually-hidden"> {logo.pending.filename}</span>
                  </button>
                </span>
              </div>
            )}
            <FilePicker
              id="listing-logo"
              compact
              buttonLabel={
                <>
                  {record.logoDocumentId || logo.pending ? 'Choose another image' : 'Choose an image'}
                  <span class="visually-hidden"> for the logo</span>
                </>
              }
              prompt="Drag an image here, or"
              accept={UPLOAD_LIMITS.logo!.accept}
              hint="PNG, JPEG or WebP, up to 2 MB, on a plain background. It is checked, then published when you save."
              error={errors['listing-logo']}
              onFiles={chooseLogo}
            />
          </div>
        </div>
        <p class="visually-hidden" aria-live="polite">
          {logo.announcement}
        </p>
      </fieldset>

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

      <ContactFieldset
        prefix="listing"
        values={values}
        errors={errors}
        onInput={set}
        hint="Shown to HomeAIQ staff, not in the public directory."
        autofill
      />

      <FormActions
        status={status}
        statusRef={statusRef}
        noun="listing"
        onReload={onReload}
        saved={
          <Notice tone="success" title="Listing saved">
            <p>
              Your changes are live in the directory.{' '}
              <Link href={`/partners/${encodeURIComponent(record.id)}`}>View public profile</Link>
            </p>
          </Notice>
        }
        submitLabel="Save listing"
        busy={saving}
      >
        <button
          type="button"
          class="button button--ghost"
          disabled={!dirty || saving}
          onClick={() => {
            setValues(valuesOf(record))
            logo.clear()
            setErrors({})
            setStatus({ kind: 'idle' })
          }}
        >
          Discard changes
        </button>
      </FormActions>
    </form>
  )
}

function ReadOnlyListing({ record }: { record: Partner }) {
  return (
    <section class="card section" aria-labelledby="listing-view-heading">
      <h2 id="listing-view-heading">Public listing</h2>
      <dl class="facts facts--wide">
        <div>
          <dt>Logo</dt>
          <dd>
            <StoredLogo record={record} />
          </dd>
        </div>
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

/** Tells a rep the listing is read-only and who can change it (the admins, by name and e-mail). */
function ReadOnlyNotice({ partnerId }: { partnerId: string }) {
  const { resource } = useResource((signal) => api.users.admins({ params: { partnerId }, signal }), [partnerId])
  const admins = resource.status === 'ready' ? resource.data.data.items : []
  return (
    <Notice tone="info" title="Read-only">
      <p>Only your company's partner admins can edit this listing. Ask an admin to make changes.</p>
      {admins.length > 0 && (
        <ul class="admin-contacts" aria-label="Your company's partner admins">
          {admins.map((a) => (
            <li key={a.email}>
              {a.name} · <a href={`mailto:${a.email}`}>{a.email}</a>
            </li>
          ))}
        </ul>
      )}
    </Notice>
  )
}

export function WorkspaceListingPage() {
  const { state } = useAuth()
  const me = (state.status === 'signed-in' ? state.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const { resource, reload, replace } = useResource((signal) => api.partners.get({ params: { partnerId }, signal }), [partnerId])
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
            {!canEdit && <ReadOnlyNotice partnerId={partnerId} />}
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
