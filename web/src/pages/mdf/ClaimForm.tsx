import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { MdfClaim, MdfClaimBody, MdfFund } from '../../api/types'
import { ErrorSummary, Field, FormActions, MoneyInput, Options } from '../../components/form'
import { AlertIcon, CheckIcon, FileIcon } from '../../components/icons'
import { Notice } from '../../components/states'
import { FilePicker, UploadStatus } from '../../components/upload'
import { centsToInput, fileSize, formatDay, formatMoney, parseMoney, today } from '../../lib/format'
import { recheck, useSaveForm } from '../../lib/save'
import { UPLOAD_LIMITS, useUploadList } from '../../lib/upload'
import { claimIssues } from '../../../../shared/mdf/rules'
import {
  ACTIVITY_TYPES,
  MDF_LIMITS,
  PROOF_HINTS,
  PROOF_KINDS,
  REQUIRED_PROOF,
  missingProof,
  type ActivityType,
  type ProofKind,
} from '../../../../shared/mdf/vocabulary'
import { activityLabel, proofLabel } from './parts'
import type { MdfScope } from './scope'

/** API field paths -> the form's field ids. */
const FIELD_IDS: Record<string, string> = {
  period: 'claim-period',
  activityType: 'claim-activity',
  activityStart: 'claim-start',
  activityEnd: 'claim-end',
  amountCents: 'claim-amount',
  description: 'claim-description',
  documentIds: 'claim-documents',
  proofKinds: 'claim-documents',
}
const LABELS: Record<string, string> = {
  'claim-period': 'Fund',
  'claim-activity': 'Activity',
  'claim-start': 'Activity start',
  'claim-end': 'Activity end',
  'claim-amount': 'Amount',
  'claim-description': 'Description',
  'claim-documents': 'Proof of performance',
}

interface Values {
  period: string
  activityType: ActivityType | ''
  activityStart: string
  activityEnd: string
  amount: string
  description: string
}

/** A document the claim keeps from before (resubmission) or a new upload, with what it proves. */
interface Proof {
  /** `kept:<documentId>` or `new:<upload key>` */
  id: string
  kind: ProofKind | ''
}

/**
 * Files a claim, or (with `claim`) edits one the other side asked about and submits it again.
 * The claim rules run in the browser too (the same functions the API runs), so a date outside
 * the fund, a late claim or too large an amount shows next to its field before anything is sent.
 */
export function ClaimForm({
  scope,
  funds,
  claim,
  etag,
  defaultPeriod,
  onSaved,
  cancel,
}: {
  scope: MdfScope
  /** the funds a claim may go to: open ones */
  funds: MdfFund[]
  claim?: MdfClaim
  etag?: string
  defaultPeriod?: string | undefined
  onSaved: (claim: MdfClaim, etag: string | undefined) => void
  cancel: ComponentChildren
}) {
  const [values, setValues] = useState<Values>(() =>
    claim
      ? {
          period: claim.period,
          activityType: claim.activityType,
          activityStart: claim.activityStart,
          activityEnd: claim.activityEnd,
          amount: centsToInput(claim.amountCents),
          description: claim.description,
        }
      : {
          period: defaultPeriod ?? funds[0]?.period ?? '',
          activityType: '',
          activityStart: '',
          activityEnd: '',
          amount: '',
          description: '',
        },
  )
  const [kept, setKept] = useState(claim?.documents ?? [])
  const [proofs, setProofs] = useState<Proof[]>(() =>
    (claim?.documents ?? []).map((d) => ({ id: `kept:${d.documentId}`, kind: d.kind })),
  )
  const uploads = useUploadList(scope.partnerId, 'mdf-proof', { max: MDF_LIMITS.documentsMax })
  const [draftKey] = useState(() => crypto.randomUUID())
  const { form, statusRef, errors, setErrors, status, saving, refuse, submit } = useSaveForm(FIELD_IDS)

  const fund = funds.find((f) => f.period === values.period)
  const held = claim && claim.period === values.period ? claim.amountCents : 0
  const kindOf = (id: string) => proofs.find((p) => p.id === id)?.kind ?? ''
  const declared = proofs.flatMap((p) => (p.kind ? [p.kind] : []))
  const stillNeeded = values.activityType ? missingProof(values.activityType, declared) : []

  function validate(v: Values): Record<string, string> {
    const e: Record<string, string> = {}
    if (!v.period) e['claim-period'] = 'Choose the fund this claim draws on.'
    if (!v.activityType) e['claim-activity'] = 'Choose the kind of activity.'
    if (!v.activityStart) e['claim-start'] = 'Enter the day the activity started.'
    if (!v.activityEnd) e['claim-end'] = 'Enter the day the activity ended.'
    else if (v.activityStart && v.activityEnd < v.activityStart) e['claim-end'] = 'The activity cannot end before it starts.'
    const cents = parseMoney(v.amount)
    if (cents === undefined || cents <= 0) e['claim-amount'] = 'Enter the amount in dollars and cents, e.g. 4500.00.'
    if (v.description.trim().length < MDF_LIMITS.descriptionMin)
      e['claim-description'] = `Describe the activity in at least ${MDF_LIMITS.descriptionMin} characters.`
    const phases = uploads.items.map((u) => u.state.phase)
    if (phases.some((p) => p === 'uploading' || p === 'checking'))
      e['claim-documents'] = 'Wait until every file has uploaded and been checked.'
    else if (phases.some((p) => p === 'rejected' || p === 'failed'))
      e['claim-documents'] = 'Remove the files that were not accepted.'
    else if (kept.length + uploads.items.length === 0) e['claim-documents'] = 'Attach at least one proof-of-performance document.'
    else if (proofs.some((p) => !p.kind)) e['claim-documents'] = 'Say what each document proves.'
    // the program's rules, as the API applies them
    if (fund && v.activityType && cents && v.activityStart && v.activityEnd && !e['claim-end']) {
      const input = { ...v, activityType: v.activityType, amountCents: cents, documentIds: [], proofKinds: {} }
      const firstSubmittedOn = claim?.firstSubmittedAt.slice(0, 10)
      for (const issue of claimIssues(input, fund, { today: today(), held, ...(firstSubmittedOn ? { firstSubmittedOn } : {}) })) {
        e[FIELD_IDS[issue.field]!] ??= issue.message
      }
    }
    return e
  }

  const update = <K extends keyof Values>(name: K, value: Values[K], ids: string[]) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, validate(next), ids))
  }

  function addFiles(files: File[]) {
    const added = uploads.add(files, MDF_LIMITS.documentsMax - kept.length - uploads.items.length)
    // the first file of a claim is usually its invoice
    const firstKind = (i: number): ProofKind | '' => (kept.length + uploads.items.length + i === 0 ? 'invoice' : '')
    setProofs((list) => [...list, ...added.map((a, i) => ({ id: `new:${a.key}`, kind: firstKind(i) }))])
    setErrors(({ 'claim-documents': _drop, ...rest }) => rest)
  }

  function setKind(id: string, kind: ProofKind | '') {
    const next = proofs.map((p) => (p.id === id ? { ...p, kind } : p))
    setProofs(next)
    // a documents error about a missing kind goes once every document says what it proves
    if (errors['claim-documents'] && next.every((p) => p.kind) && !uploads.items.some((u) => u.state.phase !== 'ready')) {
      setErrors(({ 'claim-documents': _fixed, ...rest }) => rest)
    }
  }

  function removeProof(id: string) {
    if (id.startsWith('kept:')) {
      const documentId = id.slice(5)
      const doc = kept.find((d) => d.documentId === documentId)
      setKept((list) => list.filter((d) => d.documentId !== documentId))
      if (doc) uploads.setAnnouncement(`${doc.filename} removed.`)
    } else uploads.remove(Number(id.slice(4)))
    setProofs((list) => list.filter((p) => p.id !== id))
  }

  async function save(event: Event) {
    event.preventDefault()
    const clientErrors = validate(values)
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    const documents = [
      ...kept.map((d) => ({ documentId: d.documentId, kind: kindOf(`kept:${d.documentId}`) })),
      ...uploads.items.flatMap((u) =>
        u.state.phase === 'ready' ? [{ documentId: u.state.document.id, kind: kindOf(`new:${u.key}`) }] : [],
      ),
    ]
    const body: MdfClaimBody = {
      period: values.period,
      activityType: values.activityType as ActivityType,
      activityStart: values.activityStart,
      activityEnd: values.activityEnd,
      amountCents: parseMoney(values.amount)!,
      description: values.description.trim(),
      documentIds: documents.map((d) => d.documentId),
      proofKinds: Object.fromEntries(documents.map((d) => [d.documentId, d.kind as ProofKind])),
    }
    await submit(async () => {
      const saved = claim
        ? await api.mdf.resubmitClaim({ params: { partnerId: scope.partnerId, id: claim.id }, body, etag: etag ?? '' })
        : await api.mdf.fileClaim({ params: { partnerId: scope.partnerId }, body, idempotencyKey: draftKey })
      onSaved(saved.data, saved.etag)
    })
  }

  const activity = values.activityType || undefined
  const proofRows = [
    ...kept.map((d) => ({ id: `kept:${d.documentId}`, name: d.filename, size: undefined, state: undefined })),
    ...uploads.items.map((u) => ({ id: `new:${u.key}`, name: u.filename, size: u.size, state: u.state })),
  ]

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="claim-form-heading">
      <h2 id="claim-form-heading">{claim ? 'Edit and resubmit' : 'Claim'}</h2>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

      <div class="form-grid">
        <Field
          id="claim-period"
          label="Fund"
          hint={
            fund
              ? `${formatMoney(fund.availableCents + held)} available; claims close on ${formatDay(fund.closesOn)}.`
              : 'The period whose fund pays for the activity.'
          }
          error={errors['claim-period']}
        >
          {(props) => (
            <select
              {...props}
              value={values.period}
              disabled={!!claim}
              onChange={(e) =>
                update('period', e.currentTarget.value, ['claim-period', 'claim-start', 'claim-end', 'claim-amount'])
              }
            >
              {funds.map((f) => (
                <option key={f.period} value={f.period}>
                  {f.period}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="claim-activity"
          label="Activity"
          hint={
            activity ? `Needs: ${REQUIRED_PROOF[activity].map((k) => proofLabel(k).toLowerCase()).join(' and ')}.` : undefined
          }
          error={errors['claim-activity']}
        >
          {(props) => (
            <select
              {...props}
              value={values.activityType}
              onChange={(e) => update('activityType', e.currentTarget.value as ActivityType, ['claim-activity'])}
            >
              <option value="" disabled>
                Choose an activity
              </option>
              <Options values={ACTIVITY_TYPES} label={activityLabel} />
            </select>
          )}
        </Field>
        <Field
          id="claim-start"
          label="Activity start"
          hint={fund ? `Within ${fund.period}: ${formatDay(fund.startsOn)} – ${formatDay(fund.endsOn)}.` : undefined}
          error={errors['claim-start']}
        >
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.activityStart}
              onInput={(e) => update('activityStart', e.currentTarget.value, ['claim-start', 'claim-end'])}
            />
          )}
        </Field>
        <Field id="claim-end" label="Activity end" hint="Claims are due within 60 days of the end." error={errors['claim-end']}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={values.activityEnd}
              onInput={(e) => update('activityEnd', e.currentTarget.value, ['claim-end', 'claim-start'])}
            />
          )}
        </Field>
        <Field id="claim-amount" label="Amount (USD)" error={errors['claim-amount']}>
          {(props) => (
            <MoneyInput {...props} value={values.amount} onInput={(text) => update('amount', text, ['claim-amount'])} />
          )}
        </Field>
      </div>

      <Field
        id="claim-description"
        label="Description"
        hint="What took place, where, and what HomeAIQ and the partner each contributed."
        error={errors['claim-description']}
      >
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={MDF_LIMITS.descriptionMax}
            value={values.description}
            onInput={(e) => update('description', e.currentTarget.value, ['claim-description'])}
          />
        )}
      </Field>

      <fieldset class="fieldset">
        <legend>Proof of performance</legend>
        <p class="field__hint">
          Invoices, photos, the published material: each file is checked before it can be attached. Say what each one proves.
        </p>
        {activity && (
          <ul class="proof-checklist" aria-label={`Proof a ${activityLabel(activity).toLowerCase()} needs`}>
            {REQUIRED_PROOF[activity].map((kind) => {
              const missing = stillNeeded.includes(kind)
              return (
                <li key={kind} class={missing ? 'proof-checklist__missing' : 'proof-checklist__ok'}>
                  {missing ? <AlertIcon /> : <CheckIcon />}
                  {proofLabel(kind)}
                  <span class="visually-hidden">{missing ? ': not attached yet' : ': attached'}</span>
                </li>
              )
            })}
          </ul>
        )}
        {proofRows.length > 0 && (
          <ul class="file-list" aria-label="Attached proof">
            {proofRows.map((row) => {
              const busy = row.state?.phase === 'uploading' || row.state?.phase === 'checking'
              const kindId = `claim-kind-${row.id.replace(':', '-')}`
              return (
                <li key={row.id} class="file-row file-row--proof">
                  <span class="file-row__icon">
                    <FileIcon />
                  </span>
                  <span class="file-row__name">
                    {row.name} {row.size !== undefined && <span class="muted small">{fileSize(row.size)}</span>}
                  </span>
                  {row.state ? <UploadStatus state={row.state} label={row.name} /> : <span class="muted small">Attached</span>}
                  <span class="file-row__kind">
                    <label for={kindId} class="visually-hidden">
                      What {row.name} proves
                    </label>
                    <select
                      id={kindId}
                      value={kindOf(row.id)}
                      onChange={(e) => setKind(row.id, e.currentTarget.value as ProofKind)}
                      title={kindOf(row.id) ? PROOF_HINTS[kindOf(row.id) as ProofKind] : undefined}
                    >
                      <option value="">What it proves…</option>
                      <Options values={PROOF_KINDS} label={proofLabel} />
                    </select>
                  </span>
                  <span class="file-row__actions">
                    <button type="button" class="button button--ghost button--small" onClick={() => removeProof(row.id)}>
                      {busy ? 'Cancel' : 'Remove'}
                      <span class="visually-hidden"> {row.name}</span>
                    </button>
                  </span>
                </li>
              )
            })}
          </ul>
        )}
        <FilePicker
          id="claim-documents"
          compact
          multiple
          buttonLabel={
            <>
              Add files<span class="visually-hidden"> as proof of performance</span>
            </>
          }
          prompt="Drag files here, or"
          accept={UPLOAD_LIMITS['mdf-proof']!.accept}
          hint={`${UPLOAD_LIMITS['mdf-proof']!.describe}; at most ${MDF_LIMITS.documentsMax} files.`}
          error={errors['claim-documents']}
          disabled={proofRows.length >= MDF_LIMITS.documentsMax}
          onFiles={addFiles}
        />
        <p class="visually-hidden" aria-live="polite">
          {uploads.announcement}
        </p>
      </fieldset>

      {activity && stillNeeded.length > 0 && proofRows.length > 0 && (
        <Notice tone="info" title="Approval needs all of the proof">
          <p>
            Still missing: {stillNeeded.map((k) => proofLabel(k).toLowerCase()).join(', ')}. You can submit now; the claim is
            approved once the proof is complete.
          </p>
        </Notice>
      )}

      <FormActions
        status={status}
        statusRef={statusRef}
        noun="claim"
        failedTitle="Not submitted"
        submitLabel={claim ? 'Resubmit claim' : 'Submit claim'}
        busy={saving}
        busyLabel="Submitting…"
      >
        {cancel}
      </FormActions>
    </form>
  )
}
