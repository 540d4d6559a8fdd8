import { useRef, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import { api } from '../api/contracts'
import type { Lead, PipelineStatus } from '../api/types'
import { LEAD_LIMITS, NEEDS_VALUE, NEXT_STATUSES, type LeadStatus } from '../../../shared/leads/vocabulary'
import { categoryLabel, formatMoney, parseMoney, tierShortLabel } from '../lib/format'
import { budgetLabel, durationWords, leadStatusLabel, outcomeLabel, projectTypeLabel, whenWords } from '../lib/leads'
import { AlertIcon } from './icons'

/** An always-present alert region that shows `message` (tied to a control by `id`). */
export function AlertLine({ id, message }: { id: string; message: string | undefined }) {
  return (
    <div role="alert">
      {message && (
        <p class="field__error" id={id}>
          <AlertIcon />
          {message}
        </p>
      )}
    </div>
  )
}

export function LeadStatusBadge({ status }: { status: string }) {
  return <span class={`badge badge--lead badge--lead-${status}`}>{leadStatusLabel(status)}</span>
}

/** "Renovation in US-CA" */
export const leadTitle = (lead: Pick<Lead, 'projectType' | 'region'>) => `${projectTypeLabel(lead.projectType)} in ${lead.region}`

/** What the project is: what every partner concerned may see. */
export function ProjectFacts({ lead }: { lead: Pick<Lead, 'projectType' | 'region' | 'categories' | 'budgetRange'> }) {
  return (
    <dl class="lead-facts">
      <div>
        <dt>Project</dt>
        <dd>{projectTypeLabel(lead.projectType)}</dd>
      </div>
      <div>
        <dt>Region</dt>
        <dd>{lead.region}</dd>
      </div>
      <div>
        <dt>Needs</dt>
        <dd>{lead.categories.map(categoryLabel).join(', ')}</dd>
      </div>
      <div>
        <dt>Budget</dt>
        <dd>{budgetLabel(lead.budgetRange)}</dd>
      </div>
    </dl>
  )
}

/** The time left to answer an offer, in words (the number alone tells a screen reader little). */
export function Countdown({ expiresAt, now }: { expiresAt: string; now: number }) {
  const left = new Date(expiresAt).getTime() - now
  if (left <= 0) return <p class="countdown countdown--lapsed">This offer has lapsed.</p>
  const soon = left <= LEAD_LIMITS.lapseWarningHours * 3_600_000
  return (
    <p class={`countdown${soon ? ' countdown--soon' : ''}`}>
      <strong>{durationWords(left)} left</strong> to accept or decline <span class="muted">(by {whenWords(expiresAt)})</span>
    </p>
  )
}

export function ContactCard({ contact }: { contact: NonNullable<Lead['contact']> }) {
  return (
    <dl class="facts lead-contact" aria-label="Homeowner contact">
      <div>
        <dt>Name</dt>
        <dd>{contact.name}</dd>
      </div>
      <div>
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </dd>
      </div>
      {contact.phone && (
        <div>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
          </dd>
        </div>
      )}
      <div>
        <dt>Address</dt>
        <dd>{contact.address}</dd>
      </div>
    </dl>
  )
}

export function OfferHistory({ offers, caption }: { offers: NonNullable<Lead['offers']>; caption: string }) {
  if (!offers.length) return <p class="muted">Not offered to any partner yet.</p>
  return (
    <div class="table-wrap">
      <table class="table table--compact">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            <th scope="col">Offered</th>
            <th scope="col">Answer by</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((o) => (
            <tr key={`${o.partnerId}-${o.offeredAt}`}>
              <th scope="row">
                {o.partnerName}
                <span class="table__sub">
                  {tierShortLabel(o.tier)}
                  {o.named ? ' · named by staff' : ''}
                </span>
              </th>
              <td>{whenWords(o.offeredAt)}</td>
              <td>{whenWords(o.expiresAt)}</td>
              <td>
                {outcomeLabel(o.outcome)}
                {o.decidedAt && <span class="table__sub">{whenWords(o.decidedAt)}</span>}
                {o.reason && <span class="table__sub">“{o.reason}”</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function LeadHistory({ history }: { history: NonNullable<Lead['history']> }) {
  return (
    <ol class="lead-history">
      {history.map((s, i) => (
        <li key={i}>
          <LeadStatusBadge status={s.status} /> <span>{whenWords(s.at)}</span> <span class="muted">by {s.by}</span>
          {s.valueCents !== undefined && <span> · {formatMoney(s.valueCents)}</span>}
          {s.reason && <span> · “{s.reason}”</span>}
        </li>
      ))}
    </ol>
  )
}

const STEP_LABELS: Record<PipelineStatus, string> = {
  contacted: 'Mark contacted',
  quoted: 'Record quote',
  won: 'Mark won',
  lost: 'Mark lost',
}

/**
 * The next pipeline steps of an accepted lead as buttons (no dragging). A step that needs a
 * value (quoted, won) or a reason (lost) asks for it first. `onMoved` gets the moved lead.
 */
export function PipelineControls({
  lead,
  partnerId,
  onMoved,
}: {
  lead: Lead
  partnerId: string
  onMoved: (lead: Lead, message: string) => void
}) {
  const [step, setStep] = useState<PipelineStatus>()
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const next = NEXT_STATUSES[(lead.status ?? 'offered') as LeadStatus]
  if (!next.length) return null
  const id = `pipeline-${lead.id}`

  async function move(status: PipelineStatus) {
    const needsValue = NEEDS_VALUE.includes(status)
    const cents = needsValue ? parseMoney(value) : undefined
    if (needsValue && !cents) {
      setError(`Enter the ${status === 'won' ? 'won' : 'quoted'} value in US dollars, such as 42,000.`)
      input.current?.focus()
      return
    }
    if (status === 'lost' && reason.trim().length < LEAD_LIMITS.reasonMin) {
      setError('Enter why the lead was lost.')
      input.current?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const { data } = await api.leads.advance({
        params: { partnerId, id: lead.id },
        body: { status, ...(cents ? { valueCents: cents } : {}), ...(status === 'lost' ? { reason: reason.trim() } : {}) },
        etag: `"v${lead.version}"`,
      })
      setStep(undefined)
      onMoved(data, `${leadTitle(lead)} is now ${leadStatusLabel(status).toLowerCase()}.`)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const choose = (status: PipelineStatus) => {
    setError(undefined)
    setValue('')
    setReason('')
    if (status === 'contacted') return void move(status)
    setStep(status)
    setTimeout(() => input.current?.focus(), 0)
  }

  return (
    <div class="pipeline-controls">
      <div class="pipeline-controls__buttons" role="group" aria-label={`Next step for ${leadTitle(lead)}`}>
        {next.map((status) => (
          <button
            key={status}
            type="button"
            class={`button button--small ${status === 'lost' ? 'button--danger-ghost' : 'button--secondary'}`}
            aria-expanded={status === 'contacted' ? undefined : step === status}
            disabled={busy}
            onClick={() => choose(status)}
          >
            {STEP_LABELS[status]}
          </button>
        ))}
      </div>
      {step && (
        <form
          class="pipeline-controls__form"
          onSubmit={(e) => {
            e.preventDefault()
            void move(step)
          }}
        >
          {NEEDS_VALUE.includes(step) ? (
            <>
              <label for={`${id}-value`}>{step === 'won' ? 'Won value (USD)' : 'Quoted value (USD)'}</label>
              <input
                ref={input}
                id={`${id}-value`}
                inputMode="decimal"
                autocomplete="off"
                value={value}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(e) => setValue(e.currentTarget.value)}
              />
            </>
          ) : (
            <>
              <label for={`${id}-reason`}>Why was it lost?</label>
              <textarea
                ref={input}
                id={`${id}-reason`}
                rows={2}
                maxLength={LEAD_LIMITS.reasonMax}
                value={reason}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </>
          )}
          <div class="pipeline-controls__actions">
            <button type="button" class="button button--ghost button--small" onClick={() => setStep(undefined)} disabled={busy}>
              Cancel
            </button>
            <button type="submit" class="button button--primary button--small" disabled={busy}>
              {busy ? 'Saving…' : `${STEP_LABELS[step]}`}
            </button>
          </div>
        </form>
      )}
      <AlertLine id={`${id}-error`} message={error} />
    </div>
  )
}
