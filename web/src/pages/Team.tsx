import { useState } from 'preact/hooks'
import { ApiError, describeError } from '../api/client'
import { api, type Answer } from '../api/contracts'
import type { Me } from '../api/types'
import { useAuth } from '../auth/context'
import { ConfirmDialog } from '../components/dialog'
import { Breadcrumbs, ErrorSummary, Field, FormActions } from '../components/form'
import { ErrorState, Loading, Notice } from '../components/states'
import { PARTNER_NAV, STAFF_NAV, WorkspaceShell } from '../components/WorkspaceShell'
import { roleLabel } from '../lib/format'
import { useResource, useTitle } from '../lib/hooks'
import { useSaveForm } from '../lib/save'

type Member = Answer<'users', 'team'>['items'][number]

const FIELD_IDS = { email: 'invite-email', name: 'invite-name', role: 'invite-role' }
const LABELS = { 'invite-email': 'E-mail', 'invite-name': 'Name', 'invite-role': 'Role' }

/**
 * Who works in the portal for a partner (its admins manage it; staff reach it from the partner's
 * record) or, with no partner, HomeAIQ's own staff. Invite someone, remove someone: the last
 * admin of a partner stays.
 */
export function TeamPage({ staffPartnerId }: { staffPartnerId?: string }) {
  const { state } = useAuth()
  const me = (state.status === 'signed-in' ? state.me : undefined) as Me
  const partnerId = staffPartnerId ?? me.partnerId
  const staffTeam = me.role === 'staff' && !staffPartnerId
  const partner = useResource(
    (signal) =>
      partnerId && staffPartnerId
        ? api.partners.get({ params: { partnerId }, signal }).then((r) => r.data.name)
        : Promise.resolve(me.partnerName ?? 'HomeAIQ'),
    [partnerId],
  )
  const organisation = partner.resource.status === 'ready' ? partner.resource.data : (partnerId ?? 'HomeAIQ')
  useTitle(staffTeam ? 'Staff users' : `Team · ${organisation}`)

  const team = useResource(
    (signal) =>
      (partnerId && !staffTeam ? api.users.team({ params: { partnerId }, signal }) : api.users.staff({ signal })).then(
        (r) => r.data.items,
      ),
    [partnerId, staffTeam],
  )
  const [removing, setRemoving] = useState<Member>()
  const [removeError, setRemoveError] = useState<string>()
  const [removed, setRemoved] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function remove(member: Member) {
    setBusy(true)
    setRemoveError(undefined)
    try {
      if (partnerId && !staffTeam) await api.users.remove({ params: { partnerId, userId: member.userId } })
      else await api.users.removeStaff({ params: { userId: member.userId } })
      setRemoving(undefined)
      setRemoved(`${member.name} (${member.email}) was removed and can no longer sign in.`)
      team.reload()
    } catch (error) {
      setRemoveError(describeError(error))
    } finally {
      setBusy(false)
    }
  }

  const body = (
    <>
      <div class="content-header">
        <div>
          <h1>{staffTeam ? 'Staff users' : 'Team'}</h1>
          <p class="lede">
            {staffTeam
              ? 'The HomeAIQ partnership team: everyone here works across all partners.'
              : `Who signs in for ${organisation}. Admins edit the listing and manage this team; reps work on the catalog, briefings, MDF and leads.`}
          </p>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {removed && (
          <Notice tone="success" title="Removed">
            {removed}
          </Notice>
        )}
      </div>
      {team.resource.status === 'loading' && <Loading label="Loading the team…" />}
      {team.resource.status === 'error' && (
        <ErrorState title="We couldn't load the team" error={team.resource.error} onRetry={team.reload} />
      )}
      {team.resource.status === 'ready' && (
        <ul class="team-list" aria-label={staffTeam ? 'Staff users' : 'Team members'}>
          {team.resource.data.map((member) => (
            <li key={member.userId} class="card team-member">
              <div>
                <p class="team-member__name">
                  {member.name}
                  {member.userId === me.userId && <span class="muted"> (you)</span>}
                </p>
                <p class="team-member__meta">
                  {member.email} · {roleLabel(member.role)}
                </p>
              </div>
              {member.userId !== me.userId || !staffTeam ? (
                <button
                  type="button"
                  class="button button--ghost button--small"
                  onClick={() => {
                    setRemoveError(undefined)
                    setRemoving(member)
                  }}
                >
                  Remove<span class="visually-hidden"> {member.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        id="remove-member"
        open={!!removing}
        title={removing ? `Remove ${removing.name}?` : 'Remove'}
        confirmLabel="Remove"
        busyLabel="Removing…"
        busy={busy}
        error={removeError}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(undefined)}
      >
        <p>
          {removing?.email} will be signed out and can no longer sign in to the partner portal. What they did stays in the audit
          trail.
        </p>
      </ConfirmDialog>
      <InviteForm
        staff={staffTeam}
        onInvited={(member) => {
          setRemoved(undefined)
          team.reload()
          return `${member.name} can sign in now with ${member.email}${staffTeam ? '' : ` as ${roleLabel(member.role).toLowerCase()}`}.`
        }}
        invite={(body) =>
          partnerId && !staffTeam
            ? api.users.invite({ params: { partnerId }, body }).then((r) => r.data)
            : api.users.inviteStaff({ body: { email: body.email, name: body.name } }).then((r) => r.data)
        }
      />
    </>
  )

  if (me.role === 'staff') {
    return (
      <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
        {staffPartnerId && (
          <Breadcrumbs
            items={[
              { href: '/staff/partners', label: 'Partners' },
              { href: `/staff/partners/${encodeURIComponent(staffPartnerId)}`, label: organisation },
              { label: 'Team' },
            ]}
          />
        )}
        {body}
      </WorkspaceShell>
    )
  }
  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      {body}
    </WorkspaceShell>
  )
}

function InviteForm({
  staff,
  invite,
  onInvited,
}: {
  staff: boolean
  invite(body: { email: string; name: string; role: 'partner-admin' | 'partner-rep' }): Promise<Member>
  onInvited(member: Member): string
}) {
  const [values, setValues] = useState({ email: '', name: '', role: 'partner-rep' as 'partner-admin' | 'partner-rep' })
  const [done, setDone] = useState<string>()
  const { form, statusRef, errors, status, saving, refuse, submit } = useSaveForm(FIELD_IDS)

  async function save(event: Event) {
    event.preventDefault()
    const clientErrors: Record<string, string> = {}
    if (!values.name.trim()) clientErrors['invite-name'] = 'Enter the person’s name.'
    if (!/^\S+@\S+\.\S+$/.test(values.email.trim()))
      clientErrors['invite-email'] = 'Enter an e-mail address such as dana@lutron.com.'
    if (Object.keys(clientErrors).length) {
      refuse(clientErrors)
      return
    }
    setDone(undefined)
    await submit(
      async () => {
        const member = await invite({ email: values.email.trim(), name: values.name.trim(), role: values.role })
        setDone(onInvited(member))
        setValues({ email: '', name: '', role: 'partner-rep' })
      },
      // an address that already has an account is the e-mail field's problem, said on it
      (error) =>
        error instanceof ApiError && error.status === 409
          ? { fieldErrors: { 'invite-email': describeError(error) }, message: 'One field needs your attention.', conflict: false }
          : undefined,
    )
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={save} aria-labelledby="invite-heading">
      <h2 id="invite-heading">{staff ? 'Invite a staff member' : 'Invite someone'}</h2>
      <p class="muted form__intro">They can sign in at once; in production they get an e-mail with a temporary password.</p>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />
      <div class="form-grid">
        <Field id="invite-name" label="Name" error={errors['invite-name']}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="off"
              value={values.name}
              onInput={(e) => setValues({ ...values, name: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="invite-email" label="E-mail" error={errors['invite-email']}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={values.email}
              onInput={(e) => setValues({ ...values, email: e.currentTarget.value })}
            />
          )}
        </Field>
        {!staff && (
          <Field
            id="invite-role"
            label="Role"
            hint="Admins also edit the listing and manage this team."
            error={errors['invite-role']}
          >
            {(props) => (
              <select
                {...props}
                value={values.role}
                onChange={(e) => setValues({ ...values, role: e.currentTarget.value as 'partner-admin' | 'partner-rep' })}
              >
                <option value="partner-rep">{roleLabel('partner-rep')}</option>
                <option value="partner-admin">{roleLabel('partner-admin')}</option>
              </select>
            )}
          </Field>
        )}
      </div>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="invitation"
        saved={
          <Notice tone="success" title="Invited">
            {done}
          </Notice>
        }
        submitLabel="Send the invitation"
        busy={saving}
      />
    </form>
  )
}
