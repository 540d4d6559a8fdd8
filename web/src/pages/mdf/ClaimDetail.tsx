import { useRef, useState } from 'preact/hooks'
import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { MdfClaim } from '../../api/types'
import { ErrorSummary, Field, FormActions, MoneyInput } from '../../components/form'
import { FlashNotice, LoadFailure, Loading, Notice } from '../../components/states'
import { takeFlash } from '../../lib/flash'
import { centsToInput, formatDateTime, formatDay, formatMoney, parseMoney, today } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useSaveForm } from '../../lib/save'
import { MDF_LIMITS } from '../../../../shared/mdf/vocabulary'
import { ClaimForm } from './ClaimForm'
import { ClaimStatusBadge, ProofList, activityLabel, dayRange, proofLabel, sideLabel } from './parts'
import { MdfFrame, useMdfScope, type MdfScope } from './scope'

const EVENT_LABELS: Record<MdfClaim['events'][number]['action'], string> = {
  submitted: 'Submitted',
  resubmitted: 'Resubmitted',
  'info-requested': 'Information requested',
  approved: 'Approved',
  rejected: 'Rejected',
  paid: 'Payment recorded',
}

/**
 * One claim, as each side meets it: the side that did not file it decides it (approve in full or
 * in part, reject, ask for information) and then records its payment; the side that filed it
 * edits and resubmits it when asked. Staff and a partner's admin see the same decision screen.
 */
export function ClaimPage({ id, staffPartnerId }: { id: string; staffPartnerId?: string }) {
  const scope = useMdfScope(staffPartnerId)
  const { resource, reload, replace } = useResource(
    (signal) =>
      api.mdf
        .getClaim({ params: { partnerId: scope.partnerId, id }, signal })
        .then((r) => ({ claim: r.data, etag: r.etag ?? '' })),
    [scope.partnerId, id],
  )
  const [flash] = useState(takeFlash)
  const [outcome, setOutcome] = useState<string>()
  const [editing, setEditing] = useState(false)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const claim = resource.status === 'ready' ? resource.data.claim : undefined
  useTitle(claim ? `${activityLabel(claim.activityType)} claim` : notFound ? 'Claim not found' : 'Claim')

  function changed(next: MdfClaim, etag: string | undefined, message: string) {
    replace({ claim: next, etag: etag ?? '' })
    setEditing(false)
    setOutcome(message)
    // the panel that acted is gone: say what happened where focus lands
    setTimeout(() => outcomeRef.current?.focus(), 0)
  }

  return (
    <MdfFrame scope={scope} crumbs={[{ label: claim ? `${activityLabel(claim.activityType)} claim` : 'Claim' }]}>
      {resource.status === 'loading' && <Loading label="Loading the claim…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="claim"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="This claim does not exist in this partner’s MDF."
          back={{ href: scope.fundsHref(), label: 'Back to MDF' }}
        />
      )}
      {claim && resource.status === 'ready' && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <ClaimStatusBadge status={claim.status} />
                <span class="muted small">
                  {claim.period} · filed by {sideLabel(claim.filedBy, claim.partnerName)}
                </span>
              </div>
              <h1>
                {activityLabel(claim.activityType)}: {formatMoney(claim.amountCents)}
              </h1>
              <p class="lede">{claim.description}</p>
            </div>
          </div>
          <FlashNotice message={flash} />
          <div class="flash" role="status" tabIndex={-1} ref={outcomeRef}>
            {outcome && <Notice tone="success">{outcome}</Notice>}
          </div>

          <div class="content-layout">
            <div class="stack">
              <ClaimActions
                scope={scope}
                claim={claim}
                etag={resource.data.etag}
                editing={editing}
                setEditing={setEditing}
                onChanged={changed}
              />
              <section class="card section" aria-labelledby="proof-heading">
                <h2 id="proof-heading">Proof of performance</h2>
                <ProofList claim={claim} />
              </section>
              <section class="card section" aria-labelledby="history-heading">
                <h2 id="history-heading">History</h2>
                <ol class="timeline">
                  {[...claim.events].reverse().map((e, i) => (
                    <li key={i} class={`timeline__item timeline__item--${e.action}`}>
                      <p class="timeline__what">
                        <strong>{EVENT_LABELS[e.action]}</strong>
                        {e.amountCents !== undefined && ` · ${formatMoney(e.amountCents)}`}
                      </p>
                      <p class="muted small">
                        {formatDateTime(e.at)} · {e.by}
                      </p>
                      {e.reason && <p class="timeline__reason">{e.reason}</p>}
                    </li>
                  ))}
                </ol>
              </section>
            </div>
            <aside class="card section" aria-labelledby="claim-facts-heading">
              <h2 id="claim-facts-heading">Details</h2>
              <dl class="facts">
                <div>
                  <dt>Fund</dt>
                  <dd>{claim.period}</dd>
                </div>
                <div>
                  <dt>Activity</dt>
                  <dd>{dayRange(claim.activityStart, claim.activityEnd)}</dd>
                </div>
                <div>
                  <dt>Claimed</dt>
                  <dd>{formatMoney(claim.amountCents)}</dd>
                </div>
                <div>
                  <dt>Approved</dt>
                  <dd>{claim.approvedCents === undefined ? '—' : formatMoney(claim.approvedCents)}</dd>
                </div>
                <div>
                  <dt>Paid</dt>
                  <dd>
                    {claim.payment ? (
                      <>
                        {formatMoney(claim.approvedCents ?? 0)} on {formatDay(claim.payment.paidOn)}
                        <br />
                        <span class="muted small">Reference {claim.payment.reference}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Filed by</dt>
                  <dd>
                    {sideLabel(claim.filedBy, claim.partnerName)}
                    <br />
                    <span class="muted small">
                      {claim.submittedBy} · {formatDateTime(claim.firstSubmittedAt)}
                    </span>
                  </dd>
                </div>
                <div>
                  <dt>Decided and paid by</dt>
                  <dd>{claim.decidedBySide === 'homeaiq' ? 'HomeAIQ staff' : `${claim.partnerName}’s admins`}</dd>
                </div>
              </dl>
            </aside>
          </div>
        </>
      )}
    </MdfFrame>
  )
}

/** What the viewer can do with the claim now, or what it waits for. */
function ClaimActions({
  scope,
  claim,
  etag,
  editing,
  setEditing,
  onChanged,
}: {
  scope: MdfScope
  claim: MdfClaim
  etag: string
  editing: boolean
  setEditing: (editing: boolean) => void
  onChanged: (claim: MdfClaim, etag: string | undefined, message: string) => void
}) {
  const deciders = claim.decidedBySide === 'homeaiq' ? 'HomeAIQ' : `${claim.partnerName}’s admin`
  const decides = scope.mayDecide && scope.side === claim.decidedBySide
  const filed = scope.side === claim.filedBy
  const funds = useResource(
    (signal) =>
      editing
        ? api.mdf
            .listFunds({ params: { partnerId: scope.partnerId }, signal })
            .then((r) => r.data.items.filter((f) => f.status === 'open'))
        : Promise.resolve([]),
    [editing, scope.partnerId],
  )
  const lastReason = [...claim.events].reverse().find((e) => e.action === 'info-requested')?.reason

  if (claim.status === 'submitted' && decides) return <DecisionPanel scope={scope} claim={claim} onChanged={onChanged} />
  if (claim.status === 'approved' && decides) return <PaymentPanel scope={scope} claim={claim} onChanged={onChanged} />
  if (claim.status === 'info-requested') {
    return (
      <>
        <Notice tone="warning" title={`${deciders} asked for more information`}>
          {lastReason && <p>{lastReason}</p>}
          {filed && !editing && (
            <button type="button" class="button button--secondary button--small" onClick={() => setEditing(true)}>
              Edit and resubmit
            </button>
          )}
          {!filed && <p>The claim waits for {sideLabel(claim.filedBy, claim.partnerName)} to resubmit it.</p>}
        </Notice>
        {filed && editing && funds.resource.status === 'ready' && (
          <ClaimForm
            scope={scope}
            funds={funds.resource.data}
            claim={claim}
            etag={etag}
            cancel={
              <button type="button" class="button button--ghost" onClick={() => setEditing(false)}>
                Cancel
              </button>
            }
            onSaved={(next, newEtag) => onChanged(next, newEtag, `Claim resubmitted. ${deciders} decides it next.`)}
          />
        )}
      </>
    )
  }
  if (claim.status === 'submitted')
    return (
      <Notice tone="info" title={`Waiting for ${deciders}`}>
        <p>
          {claim.missingProof.length
            ? `Approval needs the missing proof too: ${claim.missingProof.map((k) => proofLabel(k).toLowerCase()).join(', ')}.`
            : `${formatMoney(claim.amountCents)} is reserved in the fund until the claim is decided.`}
        </p>
      </Notice>
    )
  const decision = [...claim.events].reverse().find((e) => e.action === 'approved' || e.action === 'rejected')
  const approved = claim.approvedCents ?? 0
  const notApproved =
    approved < claim.amountCents ? ` ${formatMoney(claim.amountCents - approved)} of the claim was not approved.` : ''
  if (claim.status === 'approved')
    return (
      <Notice tone="info" title={`Approved: waiting for ${deciders} to pay`}>
        <p>
          {formatMoney(approved)} approved.{notApproved} {decision?.reason}
        </p>
      </Notice>
    )
  if (claim.status === 'paid' && claim.payment)
    return (
      <Notice tone="success" title={`Paid ${formatMoney(approved)} on ${formatDay(claim.payment.paidOn)}`}>
        <p>
          Reference {claim.payment.reference}.{notApproved}
        </p>
      </Notice>
    )
  return (
    <Notice tone="error" title="Rejected">
      {decision?.reason && <p>{decision.reason}</p>}
      <p>The claimed {formatMoney(claim.amountCents)} went back to the fund.</p>
    </Notice>
  )
}

type Choice = 'approve' | 'approve-part' | 'request-info' | 'reject'

/** A panel that changes the claim, then hands the changed claim back with what to tell the reader. */
interface PanelProps {
  scope: MdfScope
  claim: MdfClaim
  onChanged: (claim: MdfClaim, etag: string | undefined, message: string) => void
}

function DecisionPanel({ scope, claim, onChanged }: PanelProps) {
  const proofComplete = claim.missingProof.length === 0
  const [choice, setChoice] = useState<Choice>(proofComplete ? 'approve' : 'request-info')
  const [amount, setAmount] = useState(centsToInput(claim.amountCents))
  const [reason, setReason] = useState('')
  const { form, statusRef, errors, status, saving, refuse, submit } = useSaveForm({
    approvedCents: 'decision-amount',
    reason: 'decision-reason',
    decision: 'decision-approve',
    documentIds: 'decision-approve',
  })
  const needsReason = choice === 'reject' || choice === 'request-info'

  async function decide(event: Event) {
    event.preventDefault()
    const cents = parseMoney(amount)
    const e: Record<string, string> = {}
    if (choice === 'approve-part') {
      if (!cents) e['decision-amount'] = 'Enter the approved amount in dollars.'
      else if (cents >= claim.amountCents)
        e['decision-amount'] = `Approve less than the ${formatMoney(claim.amountCents)} claimed, or approve in full.`
    }
    if (needsReason && reason.trim().length < MDF_LIMITS.reasonMin)
      e['decision-reason'] = choice === 'reject' ? 'Enter a reason for the rejection.' : 'Say what information you need.'
    if (Object.keys(e).length) return refuse(e)
    const trimmed = reason.trim()
    await submit(async () => {
      const { data, etag } = await api.mdf.decideClaim({
        params: { partnerId: scope.partnerId, id: claim.id },
        body:
          choice === 'approve' || choice === 'approve-part'
            ? {
                decision: 'approve',
                ...(choice === 'approve-part' ? { approvedCents: cents! } : {}),
                ...(trimmed ? { reason: trimmed } : {}),
              }
            : { decision: choice, reason: trimmed },
      })
      const released = claim.amountCents - (data.approvedCents ?? 0)
      onChanged(
        data,
        etag,
        data.status === 'approved'
          ? released > 0
            ? `Approved ${formatMoney(data.approvedCents ?? 0)}; ${formatMoney(released)} went back to the fund.`
            : `Approved in full: ${formatMoney(data.approvedCents ?? 0)}.`
          : data.status === 'rejected'
            ? `Rejected; ${formatMoney(claim.amountCents)} went back to the fund.`
            : 'Information requested. The claim keeps its reservation until it is resubmitted.',
      )
    })
  }

  const option = (value: Choice, label: string, disabled = false) => (
    <label class={`choice${disabled ? ' choice--disabled' : ''}`}>
      <input
        type="radio"
        name="decision"
        id={`decision-${value}`}
        value={value}
        checked={choice === value}
        disabled={disabled}
        onChange={() => setChoice(value)}
      />
      {label}
    </label>
  )

  return (
    <form ref={form} class="card section form" noValidate onSubmit={decide} aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decide this claim</h2>
      <ErrorSummary
        title="Please correct these fields"
        errors={errors}
        labels={{ 'decision-amount': 'Approved amount', 'decision-reason': 'Reason' }}
      />
      {!proofComplete && (
        <Notice tone="warning" title="Proof is missing">
          <p>
            A {activityLabel(claim.activityType).toLowerCase()} needs{' '}
            {claim.missingProof.map((k) => proofLabel(k).toLowerCase()).join(', ')} before it can be approved. Ask the claimant
            for it.
          </p>
        </Notice>
      )}
      <fieldset class="fieldset choices">
        <legend>Decision</legend>
        {option('approve', `Approve in full (${formatMoney(claim.amountCents)})`, !proofComplete)}
        {option('approve-part', 'Approve in part', !proofComplete)}
        {option('request-info', 'Ask for more information')}
        {option('reject', 'Reject')}
      </fieldset>
      {choice === 'approve-part' && (
        <Field
          id="decision-amount"
          label="Approved amount (USD)"
          hint={`Less than the ${formatMoney(claim.amountCents)} claimed; the rest goes back to the fund.`}
          error={errors['decision-amount']}
        >
          {(props) => <MoneyInput {...props} value={amount} onInput={(text) => setAmount(text)} />}
        </Field>
      )}
      <Field
        id="decision-reason"
        label="Reason"
        optional={!needsReason}
        hint={`${sideLabel(claim.filedBy, claim.partnerName)} reads it with the decision.`}
        error={errors['decision-reason']}
      >
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={MDF_LIMITS.reasonMax}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </Field>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="claim"
        failedTitle="Not decided"
        submitLabel={choice === 'reject' ? 'Reject claim' : choice === 'request-info' ? 'Ask for information' : 'Approve claim'}
        busy={saving}
        busyLabel="Saving…"
      />
    </form>
  )
}

function PaymentPanel({ scope, claim, onChanged }: PanelProps) {
  const [reference, setReference] = useState('')
  const [paidOn, setPaidOn] = useState(today())
  const { form, statusRef, errors, status, saving, refuse, submit } = useSaveForm({
    reference: 'payment-reference',
    paidOn: 'payment-date',
  })

  async function pay(event: Event) {
    event.preventDefault()
    const e: Record<string, string> = {}
    if (!reference.trim()) e['payment-reference'] = 'Enter the payment reference (the transfer or check number).'
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) e['payment-date'] = 'Enter the day it was paid.'
    if (Object.keys(e).length) return refuse(e)
    await submit(async () => {
      const { data, etag } = await api.mdf.recordPayment({
        params: { partnerId: scope.partnerId, id: claim.id },
        body: { reference: reference.trim(), paidOn },
      })
      onChanged(data, etag, `Payment of ${formatMoney(data.approvedCents ?? 0)} recorded.`)
    })
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={pay} aria-labelledby="payment-heading">
      <h2 id="payment-heading">Record the payment</h2>
      <p class="form__intro">
        {formatMoney(claim.approvedCents ?? 0)} approved on {claim.decidedAt ? formatDay(claim.decidedAt.slice(0, 10)) : '—'}.
        Record it once paid; {sideLabel(claim.filedBy, claim.partnerName)} sees it paid.
      </p>
      <ErrorSummary
        title="Please correct these fields"
        errors={errors}
        labels={{ 'payment-reference': 'Payment reference', 'payment-date': 'Paid on' }}
      />
      <div class="form-grid">
        <Field id="payment-reference" label="Payment reference" error={errors['payment-reference']}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={MDF_LIMITS.referenceMax}
              value={reference}
              onInput={(e) => setReference(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="payment-date" label="Paid on" error={errors['payment-date']}>
          {(props) => <input {...props} type="date" value={paidOn} onInput={(e) => setPaidOn(e.currentTarget.value)} />}
        </Field>
      </div>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="claim"
        failedTitle="Not recorded"
        submitLabel="Record payment"
        busy={saving}
        busyLabel="Saving…"
      />
    </form>
  )
}
