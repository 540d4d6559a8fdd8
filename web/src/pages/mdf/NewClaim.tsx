import { api } from '../../api/contracts'
import { Loading, ErrorState, EmptyState } from '../../components/states'
import { setFlash } from '../../lib/flash'
import { useResource, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation } from '../../router'
import { ClaimForm } from './ClaimForm'
import { MdfFrame, useMdfScope } from './scope'

/** A new claim: a partner's for its own activity, or (staff) HomeAIQ's for a HomeAIQ-run one. */
export function NewClaimPage({ staffPartnerId }: { staffPartnerId?: string }) {
  const scope = useMdfScope(staffPartnerId)
  const period = useLocation().search.get('period') ?? undefined
  useTitle(scope.staff ? 'New HomeAIQ claim' : 'New MDF claim')
  const { resource, reload } = useResource(
    (signal) =>
      api.mdf
        .listFunds({ params: { partnerId: scope.partnerId }, signal })
        .then((r) => r.data.items.filter((f) => f.status === 'open')),
    [scope.partnerId],
  )
  const back = (
    <Link href={scope.fundsHref(period)} class="button button--ghost">
      Cancel
    </Link>
  )
  return (
    <MdfFrame scope={scope} crumbs={[{ label: 'New claim' }]}>
      <div class="content-header">
        <div>
          <h1>{scope.staff ? `New HomeAIQ claim on ${scope.partnerName ?? 'the partner'}’s fund` : 'New MDF claim'}</h1>
          <p class="lede">
            {scope.staff
              ? 'For an activity HomeAIQ ran. The partner’s admin decides it and records the payment.'
              : 'For a joint-marketing activity you ran. HomeAIQ decides it and records the payment.'}
          </p>
        </div>
      </div>
      {resource.status === 'loading' && <Loading label="Loading funds…" />}
      {resource.status === 'error' && <ErrorState title="We couldn't load the funds" error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && resource.data.length === 0 && (
        <EmptyState title="No open fund">
          <p class="state__text">Claims draw on a fund for a period. There is no open fund to claim from.</p>
          <Link href={scope.fundsHref()} class="button button--secondary">
            Back to MDF
          </Link>
        </EmptyState>
      )}
      {resource.status === 'ready' && resource.data.length > 0 && (
        <ClaimForm
          scope={scope}
          funds={resource.data}
          defaultPeriod={resource.data.some((f) => f.period === period) ? period : undefined}
          cancel={back}
          onSaved={(claim) => {
            setFlash('Claim submitted. Its amount is reserved in the fund until it is decided.')
            navigate(scope.claimHref(claim.id))
          }}
        />
      )}
    </MdfFrame>
  )
}
