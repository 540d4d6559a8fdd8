import { useRef, useState } from 'preact/hooks'
import { describeError } from '../api/client'
import { api } from '../api/contracts'
import type { Lead } from '../api/types'
import { LEAD_LIMITS } from '../../../shared/leads/vocabulary'
import { AlertLine, leadTitle } from './leads'

/**
 * Accept or decline an offer. Declining asks for a reason first; the parent hears the outcome
 * (`onAccepted` with the lead and its contact, `onDeclined`).
 */
export function OfferActions({
  lead,
  partnerId,
  onAccepted,
  onDeclined,
}: {
  lead: Lead
  partnerId: string
  onAccepted: (lead: Lead) => void
  onDeclined: (message: string) => void
}) {
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const reasonInput = useRef<HTMLTextAreaElement>(null)
  const declineButton = useRef<HTMLButtonElement>(null)
  const id = `offer-${lead.id}`
  const title = leadTitle(lead)

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const accept = () =>
    run(async () => {
      const { data } = await api.leads.accept({ params: { partnerId, id: lead.id } })
      onAccepted(data)
    })

  const decline = (event: Event) => {
    event.preventDefault()
    if (reason.trim().length < LEAD_LIMITS.reasonMin) {
      setError('Enter a reason for declining, so HomeAIQ can offer better-matched leads.')
      reasonInput.current?.focus()
      return
    }
    return run(async () => {
      await api.leads.decline({ params: { partnerId, id: lead.id }, body: { reason: reason.trim() } })
      onDeclined(`You declined ${title}. It goes to the next partner.`)
    })
  }

  return (
    <div class="offer-actions">
      {!declining ? (
        <div class="offer-actions__buttons">
          <button type="button" class="button button--primary" onClick={accept} disabled={busy}>
            {busy ? 'Accepting…' : 'Accept lead'}
            <span class="visually-hidden">: {title}</span>
          </button>
          <button
            ref={declineButton}
            type="button"
            class="button button--secondary"
            aria-expanded={false}
            onClick={() => {
              setDeclining(true)
              setTimeout(() => reasonInput.current?.focus(), 0)
            }}
            disabled={busy}
          >
            Decline…<span class="visually-hidden"> {title}</span>
          </button>
        </div>
      ) : (
        <form class="offer-actions__decline" onSubmit={decline} noValidate>
          <label for={`${id}-reason`} class="field__label">
            Why are you declining?
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            HomeAIQ reads this to offer you better-matched leads. The lead goes to the next partner at once.
          </p>
          <textarea
            ref={reasonInput}
            id={`${id}-reason`}
            rows={3}
            maxLength={LEAD_LIMITS.reasonMax}
            value={reason}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="offer-actions__buttons">
            <button
              type="button"
              class="button button--ghost"
              onClick={() => {
                setDeclining(false)
                setError(undefined)
                setTimeout(() => declineButton.current?.focus(), 0)
              }}
              disabled={busy}
            >
              Keep the offer
            </button>
            <button type="submit" class="button button--danger" disabled={busy}>
              {busy ? 'Declining…' : 'Decline lead'}
            </button>
          </div>
        </form>
      )}
      <AlertLine id={`${id}-error`} message={error} />
    </div>
  )
}
