import { useState } from 'preact/hooks'
import type { Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { AckMarker, KindBadge } from '../../components/badges'
import { BriefingContent } from '../../components/briefing'
import { Breadcrumbs } from '../../components/form'
import { FlashNotice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { formatDateTime, formatDay } from '../../lib/format'
import { useTitle } from '../../lib/hooks'
import { Link } from '../../router'
import { usePartnerBriefing } from './briefing-resource'
import { SkuChips } from './Briefings'

export function WorkspaceBriefingPage({ id }: { id: string }) {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const { briefing, notFound, state } = usePartnerBriefing(partnerId, id)
  const [flash] = useState(takeFlash)
  useTitle(briefing ? briefing.title : notFound ? 'Briefing not found' : 'Briefing')

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs
        items={[
          { href: '/workspace/briefings', label: 'Briefings' },
          { label: briefing?.title ?? (notFound ? 'Not found' : 'Briefing') },
        ]}
      />
      {state}
      {briefing && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <KindBadge kind={briefing.kind} />
                <AckMarker briefing={briefing} />
              </div>
              <h1>{briefing.title}</h1>
            </div>
            <Link href={`/workspace/briefings/${encodeURIComponent(briefing.id)}/correct`} class="button button--secondary">
              Correct briefing
            </Link>
          </div>
          <FlashNotice message={flash} />
          <div class="content-layout">
            <article class="card section briefing-body" aria-labelledby="briefing-body-heading">
              <h2 id="briefing-body-heading" class="visually-hidden">
                Briefing text
              </h2>
              <BriefingContent briefing={briefing} />
            </article>
            <aside class="card section" aria-labelledby="briefing-facts-heading">
              <h2 id="briefing-facts-heading">Details</h2>
              <dl class="facts">
                <div>
                  <dt>Effective</dt>
                  <dd>{formatDay(briefing.effectiveDate)}</dd>
                </div>
                <div>
                  <dt>Published</dt>
                  <dd>
                    {formatDateTime(briefing.publishedAt)}
                    <br />
                    <span class="muted small">by {briefing.publishedBy}</span>
                  </dd>
                </div>
                {briefing.revisions.length > 0 && (
                  <div>
                    <dt>Last corrected</dt>
                    <dd>
                      {formatDateTime(briefing.revisions.at(-1)!.at)}
                      <br />
                      <span class="muted small">version {briefing.version}</span>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>Affected SKUs</dt>
                  <dd>{briefing.skus.length ? <SkuChips skus={briefing.skus} /> : <span class="muted">None named</span>}</dd>
                </div>
                <div>
                  <dt>HomeAIQ acknowledgement</dt>
                  <dd>
                    {briefing.acknowledgements.length > 0 ? (
                      <ul class="plain-list">
                        {briefing.acknowledgements.map((a) => (
                          <li key={a.userId}>
                            {a.email} <span class="muted small">· {formatDateTime(a.at)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : briefing.requiresAck ? (
                      <span>Awaiting acknowledgement</span>
                    ) : (
                      <span class="muted">Not required for this kind</span>
                    )}
                  </dd>
                </div>
                {briefing.kind === 'end-of-life' && (
                  <div>
                    <dt>Catalog</dt>
                    <dd>
                      {briefing.eolAppliedAt
                        ? `Products marked discontinued on ${formatDateTime(briefing.eolAppliedAt)}.`
                        : `Products will be marked discontinued on ${formatDay(briefing.effectiveDate)}.`}
                    </dd>
                  </div>
                )}
              </dl>
            </aside>
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
