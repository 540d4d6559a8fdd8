import { useState } from 'preact/hooks'
import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Partner, PartnerCategory, PartnerStatus, PartnerTier } from '../../api/types'
import { StatusPill, TierBadge } from '../../components/badges'
import { Breadcrumbs, ErrorSummary, Field, FormActions, Options } from '../../components/form'
import { ConfirmDialog } from '../../components/dialog'
import { RegionList } from '../../components/PartnerCard'
import { FlashNotice, LoadFailure, Loading, Notice } from '../../components/states'
import { CommercialTerms } from '../../components/terms'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import {
  CATEGORIES,
  STATUSES,
  TIERS,
  TIER_TERMS,
  categoryLabel,
  formatDate,
  percent,
  percentRange,
  statusLabel,
  tierLabel,
} from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useSaveForm, type RecordFormProps } from '../../lib/save'
import { Link } from '../../router'
import { ExternalLink } from '../PartnerProfile'
import { ScorecardSection } from './ScorecardSection'

const FIELD_IDS: Record<string, string> = {
  name: 'staff-name',
  category: 'staff-category',
  tier: 'staff-tier',
  status: 'staff-status',
  baseDiscountBps: 'staff-discount',
  changeReason: 'staff-change-reason',
}
const LABELS: Record<string, string> = {
  'staff-change-reason': 'Reason for the change',
  'staff-name': 'Name',
  'staff-category': 'Category',
  'staff-tier': 'Tier',
  'staff-status': 'Status',
  'staff-discount': 'Base discount',
}

interface Values {
  name: string
  category: PartnerCategory
  tier: PartnerTier
  status: PartnerStatus
  discount: string
}

const valuesOf = (p: Partner): Values => ({
  name: p.name,
  category: p.category,
  tier: p.tier,
  status: p.status,
  discount: p.commercialTerms ? String(p.commercialTerms.baseDiscountBps / 100) : '',
})

/** Tier and negotiated discount before and after a change, as the partner's admins will be told. */
function TermsChange({ record, changes }: { record: Partner; changes: Record<string, unknown> }) {
  const tier = (changes.tier as PartnerTier | undefined) ?? record.tier
  const before = record.commercialTerms?.baseDiscountBps
  const after = (changes.baseDiscountBps as number | undefined) ?? (changes.tier ? TIER_TERMS[tier].baseDiscount.minBps : before)
  return (
    <table class="table terms-change">
      <caption class="visually-hidden">Commercial terms before and after</caption>
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">Now</th>
          <th scope="col">After saving</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Tier</th>
          <td>{tierLabel(record.tier)}</td>
          <td>{tierLabel(tier)}</td>
        </tr>
        <tr>
          <th scope="row">Base discount</th>
          <td>{before === undefined ? '—' : percent(before)}</td>
          <td>{after === undefined ? '—' : percent(after)}</td>
        </tr>
        <tr>
          <th scope="row">MDF rate</th>
          <td>{TIER_TERMS[record.tier].mdfRate ? percentRange(TIER_TERMS[record.tier].mdfRate!) : 'Case by case'}</td>
          <td>{TIER_TERMS[tier].mdfRate ? percentRange(TIER_TERMS[tier].mdfRate!) : 'Case by case'}</td>
        </tr>
      </tbody>
    </table>
  )
}

function ProgramForm({ record, etag, onSaved, onReload }: RecordFormProps<Partner>) {
  const [values, setValues] = useState(() => valuesOf(record))
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState<Record<string, unknown>>()
  const { form, statusRef, errors, setErrors, status, setStatus, saving, refuse, submit } = useSaveForm(FIELD_IDS)

  const original = valuesOf(record)
  const range = TIER_TERMS[values.tier].baseDiscount
  const tierChanged = values.tier !== record.tier
  const discountChanged = values.discount.trim() !== original.discount
  const termsChanging = tierChanged || discountChanged

  async function send(changes: Record<string, unknown>) {
    // the dialog closes first and gives focus back, so the form's result (or a field error) can take it
    setConfirming(undefined)
    await submit(async () => {
      const result = await api.partners.update({ params: { partnerId: record.id }, etag, body: changes })
      onSaved(result.data, result.etag ?? etag)
      setValues(valuesOf(result.data))
      setReason('')
    })
  }

  async function save(event: Event) {
    event.preventDefault()
    const changes: Record<string, unknown> = {}
    const clientErrors: Record<string, string> = {}
    if (values.name.trim() !== record.name) changes.name = values.name.trim()
    if (values.category !== record.category) changes.category = values.category
    if (values.tier !== record.tier) changes.tier = values.tier
    if (values.status !== record.status) changes.status = values.status
    if (discountChanged) {
      const pct = Number(values.discount.replace(',', '.').replace('%', '').trim())
      if (!values.discount.trim() || !Number.isFinite(pct) || pct < 0 || pct > 100) {
        clientErrors['staff-discount'] = 'Enter a percentage between 0 and 100, e.g. 32.5.'
      } else {
        changes.baseDiscountBps = Math.round(pct * 100)
      }
    }
    if (termsChanging && reason.trim().length < 3) {
      clientErrors['staff-change-reason'] = 'Say why the terms change: the partner’s admins are told the reason.'
    }
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    if (Object.keys(changes).length === 0) {
      setStatus({ kind: 'unchanged' })
      return
    }
    // a change of tier or discount is confirmed first, with the terms before and after
    if (termsChanging) setConfirming({ ...changes, changeReason: reason.trim() })
    else await send(changes)
  }

  const update = <K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [name]: value }))
    if (status.kind !== 'failed') setStatus({ kind: 'idle' })
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="program-form-heading">
      <h2 id="program-form-heading">Program settings</h2>
      <p class="muted form__intro">Staff-only fields. Every change is recorded in the audit trail.</p>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />
      <Field id="staff-name" label="Name" error={errors['staff-name']}>
        {(props) => <input {...props} type="text" value={values.name} onInput={(e) => update('name', e.currentTarget.value)} />}
      </Field>
      <div class="form-grid">
        <Field id="staff-tier" label="Tier" hint="Sets the tier’s commercial terms." error={errors['staff-tier']}>
          {(props) => (
            <select {...props} value={values.tier} onChange={(e) => update('tier', e.currentTarget.value as PartnerTier)}>
              <Options values={TIERS} label={tierLabel} />
            </select>
          )}
        </Field>
        <Field
          id="staff-discount"
          label="Base discount (%)"
          hint={
            tierChanged && !discountChanged
              ? `${tierLabel(values.tier)}: ${percentRange(range)}. Unchanged, it moves to ${percent(range.minBps)}.`
              : `${tierLabel(values.tier)} allows ${percentRange(range)}.`
          }
          error={errors['staff-discount']}
        >
          {(props) => (
            <div class="input-suffix">
              <input
                {...props}
                type="text"
                inputMode="decimal"
                value={values.discount}
                onInput={(e) => update('discount', e.currentTarget.value)}
              />
              <span aria-hidden="true">%</span>
            </div>
          )}
        </Field>
        <Field id="staff-status" label="Status" error={errors['staff-status']}>
          {(props) => (
            <select {...props} value={values.status} onChange={(e) => update('status', e.currentTarget.value as PartnerStatus)}>
              <Options values={STATUSES} label={statusLabel} />
            </select>
          )}
        </Field>
        <Field id="staff-category" label="Category" error={errors['staff-category']}>
          {(props) => (
            <select
              {...props}
              value={values.category}
              onChange={(e) => update('category', e.currentTarget.value as PartnerCategory)}
            >
              <Options values={CATEGORIES} label={categoryLabel} />
            </select>
          )}
        </Field>
      </div>
      {termsChanging && (
        <Field
          id="staff-change-reason"
          label="Reason for the change"
          hint="Recorded in the audit trail and sent to the partner’s admins with the old and new terms."
          error={errors['staff-change-reason']}
        >
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={reason}
              onInput={(e) => {
                setReason(e.currentTarget.value)
                // the error goes as soon as the reason is there
                if (e.currentTarget.value.trim().length >= 3) setErrors(({ 'staff-change-reason': _fixed, ...rest }) => rest)
              }}
            />
          )}
        </Field>
      )}
      <ConfirmDialog
        id="confirm-terms"
        open={!!confirming}
        title={`Change ${record.name}’s terms?`}
        confirmLabel="Change the terms"
        tone="primary"
        onConfirm={() => confirming && void send(confirming)}
        onCancel={() => setConfirming(undefined)}
      >
        {confirming && (
          <>
            <TermsChange record={record} changes={confirming} />
            <p>The partner’s admins will be told, with your reason: “{String(confirming.changeReason)}”</p>
          </>
        )}
      </ConfirmDialog>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="partner"
        onReload={onReload}
        saved={<Notice tone="success" title="Partner updated" />}
        submitLabel="Save changes"
        busy={saving}
      />
    </form>
  )
}

function RecordSummary({ partner }: { partner: Partner }) {
  return (
    <aside class="card section" aria-labelledby="record-heading">
      <h2 id="record-heading">Listing and contact</h2>
      <dl class="facts">
        <div>
          <dt>Partner id</dt>
          <dd>
            <code>{partner.id}</code>
          </dd>
        </div>
        <div>
          <dt>Website</dt>
          <dd>
            {partner.website ? (
              <ExternalLink href={partner.website}>{partner.website.replace(/^https:\/\//, '')}</ExternalLink>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>
            {partner.contact.name}
            <br />
            <a href={`mailto:${partner.contact.email}`}>{partner.contact.email}</a>
            {partner.contact.phone && (
              <>
                <br />
                {partner.contact.phone}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Regions served</dt>
          <dd>
            <RegionList regions={partner.regions} max={6} />
          </dd>
        </div>
        <div>
          <dt>Product lines</dt>
          <dd>{partner.productLines.length ? partner.productLines.join(', ') : <span class="muted">None listed</span>}</dd>
        </div>
        <div>
          <dt>Description</dt>
          <dd class="clamp">{partner.description || <span class="muted">None yet</span>}</dd>
        </div>
        <div>
          <dt>Record</dt>
          <dd class="small muted">
            Version {partner.version} · created {formatDate(partner.createdAt)} · updated {formatDate(partner.updatedAt)}
          </dd>
        </div>
      </dl>
    </aside>
  )
}

export function StaffPartnerPage({ id }: { id: string }) {
  const { resource, reload, replace } = useResource((signal) => api.partners.get({ params: { partnerId: id }, signal }), [id])
  const [flash] = useState(takeFlash)
  const notFound = resource.status === 'error' && isNotFound(resource.error)
  const record = resource.status === 'ready' ? resource.data : undefined
  useTitle(record ? `${record.data.name} · Staff` : notFound ? 'Partner not found' : 'Partner · Staff')

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs
        items={[{ href: '/staff/partners', label: 'Partners' }, { label: record?.data.name ?? (notFound ? 'Not found' : id) }]}
      />
      {resource.status === 'loading' && <Loading label="Loading partner…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="partner"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message={`There is no partner with the id “${id}”.`}
          back={{ href: '/staff/partners', label: 'Back to partners' }}
        />
      )}
      {record && (
        <>
          <div class="content-header">
            <div>
              <h1>{record.data.name}</h1>
              <div class="content-header__tags">
                <StatusPill status={record.data.status} />
                <span class="muted">{categoryLabel(record.data.category)}</span>
              </div>
            </div>
            <div class="content-header__actions">
              <Link href={`/staff/partners/${encodeURIComponent(record.data.id)}/catalog`} class="button button--secondary">
                Catalog
              </Link>
              <Link href={`/staff/briefings?partner=${encodeURIComponent(record.data.id)}`} class="button button--secondary">
                Briefings
              </Link>
              <Link href={`/staff/partners/${encodeURIComponent(record.data.id)}/team`} class="button button--secondary">
                Team
              </Link>
              <Link href={`/staff/audit?partner=${encodeURIComponent(record.data.id)}`} class="button button--secondary">
                History
              </Link>
              {record.data.status === 'active' && (
                <Link href={`/partners/${encodeURIComponent(record.data.id)}`} class="button button--secondary">
                  Public profile
                </Link>
              )}
            </div>
          </div>
          <FlashNotice message={flash} />
          <div class="content-layout">
            <div class="stack">
              <CommercialTerms partner={record.data} />
              {record.etag ? (
                <ProgramForm
                  record={record.data}
                  etag={record.etag}
                  onSaved={(data, etag) => replace({ data, etag, status: 200 })}
                  onReload={reload}
                />
              ) : null}
              <ScorecardSection
                partnerId={record.data.id}
                tier={record.data.tier}
                // scoring moves the record's version on: take the new one without unloading the screen
                onScored={() => void api.partners.get({ params: { partnerId: id } }).then(replace, reload)}
              />
            </div>
            <RecordSummary partner={record.data} />
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
