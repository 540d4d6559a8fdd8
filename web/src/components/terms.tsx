import type { Partner } from '../api/types'
import { percent, percentRange } from '../lib/format'
import { TierBadge } from './badges'

/** A partner's commercial terms (strategy 5.1) with its negotiated discount, for readers the API shows them to. */
export function CommercialTerms({ partner }: { partner: Partner }) {
  const terms = partner.commercialTerms
  if (!terms) return null
  return (
    <section class="card section terms" aria-labelledby="terms-heading">
      <div class="section__header">
        <h2 id="terms-heading">Commercial terms</h2>
        <TierBadge tier={partner.tier} />
      </div>
      <div class="metric-row">
        <div class="metric">
          <p class="metric__label">Negotiated base discount</p>
          <p class="metric__value">{percent(terms.baseDiscountBps)}</p>
          <p class="metric__sub">Tier range {percentRange(terms.baseDiscount)} off MSRP</p>
        </div>
        <div class="metric">
          <p class="metric__label">Volume incentive</p>
          <p class="metric__value">{percentRange(terms.volumeIncentive)}</p>
          <p class="metric__sub">{terms.volumeIncentive.basis === 'quarterly' ? 'Quarterly' : 'Annual'} rebate</p>
        </div>
        <div class="metric">
          <p class="metric__label">Growth incentive</p>
          <p class="metric__value">{terms.growthIncentive ? percentRange(terms.growthIncentive) : '—'}</p>
          <p class="metric__sub">{terms.growthIncentive ? 'On year-over-year growth' : 'Not part of this tier'}</p>
        </div>
        <div class="metric">
          <p class="metric__label">MDF rate</p>
          <p class="metric__value">{terms.mdfRate ? percentRange(terms.mdfRate) : 'Case by case'}</p>
          <p class="metric__sub">{terms.mdfRate ? 'Of revenue through HomeAIQ' : 'Evaluated per activity'}</p>
        </div>
      </div>
      <dl class="facts facts--wide">
        <div>
          <dt>Payment terms</dt>
          <dd>{terms.paymentTerms}</dd>
        </div>
        <div>
          <dt>Special programs</dt>
          <dd>{terms.specialPrograms}</dd>
        </div>
        <div>
          <dt>Program target for this tier</dt>
          <dd>
            {terms.targetCount.min}–{terms.targetCount.max} partners
          </dd>
        </div>
      </dl>
    </section>
  )
}
