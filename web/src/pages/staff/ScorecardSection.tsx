import { useEffect, useRef, useState } from 'preact/hooks'
import { describeError, isNotFound } from '../../api/client'
import { api, type Answer } from '../../api/contracts'
import { TierBadge } from '../../components/badges'
import { ErrorState, Loading, Notice } from '../../components/states'
import { formatDateTime, tierShortLabel } from '../../lib/format'
import { useResource } from '../../lib/hooks'
import { SCORECARD_CRITERIA, type CriterionKey, type ScorecardScores } from '../../../../shared/program/scorecard'
import type { PartnerTier } from '../../api/types'

type Scorecard = Answer<'program', 'scorecard'>

const blank = (): ScorecardScores =>
  Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, [3, 3, 3, 3, 3]])) as ScorecardScores

/**
 * The partner's scorecard (strategy 2.2), staff only: the latest result against the partner's
 * tier, a form to score it again (starting from the latest scores), and the history.
 */
export function ScorecardSection({ partnerId, tier, onScored }: { partnerId: string; tier: PartnerTier; onScored(): void }) {
  const latest = useResource(
    (signal) =>
      api.program.scorecard({ params: { partnerId }, signal }).then(
        (r) => r.data,
        (error: unknown) => {
          if (isNotFound(error)) return undefined
          throw error
        },
      ),
    [partnerId],
  )
  const history = useResource(
    (signal) => api.program.scorecardHistory({ params: { partnerId }, query: { limit: 10 }, signal }).then((r) => r.data.items),
    [partnerId],
  )
  const [scores, setScores] = useState<ScorecardScores>(blank)
  const [notes, setNotes] = useState('')
  const [saving, setSaving] = useState(false)
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string }>()
  const resultRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (latest.resource.status === 'ready' && latest.resource.data) {
      const card = latest.resource.data
      setScores(Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.key, [...card.criteria[c.key].scores]])) as ScorecardScores)
    }
  }, [latest.resource])
  useEffect(() => {
    if (result) resultRef.current?.focus()
  }, [result])

  const setScore = (key: CriterionKey, index: number, value: number) =>
    setScores((current) => ({ ...current, [key]: current[key].map((s, i) => (i === index ? value : s)) }))

  async function save(event: Event) {
    event.preventDefault()
    setSaving(true)
    try {
      const { data } = await api.program.score({ params: { partnerId }, body: { ...scores, ...(notes.trim() ? { notes } : {}) } })
      setResult({
        tone: 'success',
        text: `Scored ${data.score.toFixed(1)}: recommends ${tierShortLabel(data.recommendedTier)}.`,
      })
      setNotes('')
      latest.reload()
      history.reload()
      onScored()
    } catch (error) {
      setResult({ tone: 'error', text: describeError(error) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <section class="card section scorecard" aria-labelledby="scorecard-heading">
      <div class="section__header">
        <h2 id="scorecard-heading">Scorecard</h2>
        <span class="muted small">HomeAIQ only: the partner never sees it</span>
      </div>
      {latest.resource.status === 'loading' && <Loading label="Loading the scorecard…" />}
      {latest.resource.status === 'error' && (
        <ErrorState title="We couldn't load the scorecard" error={latest.resource.error} onRetry={latest.reload} />
      )}
      {latest.resource.status === 'ready' && <LatestResult card={latest.resource.data} tier={tier} />}

      <form onSubmit={save} class="scorecard__form">
        <p class="field__hint">
          Score each sub-criterion from 1 (weak) to 5 (excellent). Weights follow the partnership strategy.
        </p>
        <div class="scorecard__criteria">
          {SCORECARD_CRITERIA.map((criterion) => (
            <fieldset key={criterion.key} class="fieldset scorecard__criterion">
              <legend>
                {criterion.label} <span class="muted">({criterion.weight}%)</span>
              </legend>
              {criterion.subCriteria.map((label, i) => {
                const id = `score-${criterion.key}-${i}`
                return (
                  <div key={id} class="scorecard__row">
                    <label for={id}>{label}</label>
                    <select
                      id={id}
                      value={String(scores[criterion.key][i])}
                      onChange={(e) => setScore(criterion.key, i, Number(e.currentTarget.value))}
                    >
                      {[1, 2, 3, 4, 5].map((n) => (
                        <option key={n} value={String(n)}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                )
              })}
            </fieldset>
          ))}
        </div>
        <div class="field">
          <label class="field__label" for="scorecard-notes">
            Notes <span class="field__optional">(optional)</span>
          </label>
          <textarea id="scorecard-notes" rows={2} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
        </div>
        <div class="form-actions">
          <div ref={resultRef} tabIndex={-1} class="form-actions__status">
            {result && (
              <Notice tone={result.tone} title={result.tone === 'success' ? 'Scorecard saved' : 'Not saved'}>
                {result.text}
              </Notice>
            )}
          </div>
          <div class="form-actions__buttons">
            <button type="submit" class="button button--primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save scorecard'}
            </button>
          </div>
        </div>
      </form>

      {history.resource.status === 'ready' && history.resource.data.length > 0 && (
        <details class="scorecard__history">
          <summary>Earlier scorecards ({history.resource.data.length})</summary>
          <ul>
            {history.resource.data.map((card: Scorecard) => (
              <li key={card.id}>
                {formatDateTime(card.scoredAt)}: <strong>{card.score.toFixed(1)}</strong>, recommends{' '}
                {tierShortLabel(card.recommendedTier)} (tier then {tierShortLabel(card.actualTier)}) · {card.scoredBy}
                {card.notes && <span class="muted"> — {card.notes}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}

function LatestResult({ card, tier }: { card: Scorecard | undefined; tier: PartnerTier }) {
  if (!card) return <p class="muted">Not scored yet. Score the partner below to see which tier its scores recommend.</p>
  const mismatch = card.recommendedTier !== tier
  return (
    <div class="scorecard__latest">
      <div class="metric">
        <p class="metric__label">Score</p>
        <p class="metric__value">{card.score.toFixed(1)}</p>
        <p class="metric__sub">of 100 · {formatDateTime(card.scoredAt)}</p>
      </div>
      <div class="metric">
        <p class="metric__label">Recommended tier</p>
        <p class="metric__value">
          <TierBadge tier={card.recommendedTier} />
        </p>
        <p class="metric__sub">{mismatch ? `The partner is ${tierShortLabel(tier)}: review its tier.` : 'Matches its tier.'}</p>
      </div>
      <dl class="scorecard__means">
        {SCORECARD_CRITERIA.map((c) => (
          <div key={c.key}>
            <dt>{c.label}</dt>
            <dd>{card.criteria[c.key].mean.toFixed(1)} / 5</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
