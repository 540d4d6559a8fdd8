import type { Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { Breadcrumbs } from '../../components/form'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useTitle } from '../../lib/hooks'
import { ComposerForm } from './briefing-composer/ComposerForm'
import { AcknowledgementNote } from './briefing-composer/fields'
import { useBriefingComposer } from './briefing-composer/useBriefingComposer'

/** A partner's new briefing: the composer's field groups over one state (useBriefingComposer). */
export function BriefingComposerPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  useTitle('New briefing')
  const c = useBriefingComposer(partnerId)

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs items={[{ href: '/workspace/briefings', label: 'Briefings' }, { label: 'New briefing' }]} />
      <div class="content-header">
        <div>
          <h1>New briefing</h1>
          <p class="lede">
            Published briefings go straight to the HomeAIQ partnership team. You can correct one afterwards, with a note on what
            changed.
          </p>
        </div>
      </div>
      <ComposerForm
        c={c}
        heading="Briefing"
        noun="briefing"
        failedTitle="Not published"
        submitLabel="Publish briefing"
        cancelHref="/workspace/briefings"
      >
        <AcknowledgementNote c={c} />
      </ComposerForm>
    </WorkspaceShell>
  )
}
