import { api } from '../api/contracts'
import type { Me } from '../api/types'
import { useAuth } from '../auth/context'
import { useResource } from './hooks'

/**
 * Whose screen it is: on a staff screen about a partner, that partner's name (loaded); on a
 * partner user's own screen, their partner's. Undefined while loading.
 */
export function useScopedPartnerName(staffPartnerId: string | undefined): { me: Me; partnerName: string | undefined } {
  const { state } = useAuth()
  const me = (state.status === 'signed-in' ? state.me : undefined) as Me
  const { resource } = useResource(
    (signal) =>
      staffPartnerId
        ? api.partners.get({ params: { partnerId: staffPartnerId }, signal }).then((r) => r.data.name)
        : Promise.resolve(undefined),
    [staffPartnerId],
  )
  if (!staffPartnerId) return { me, partnerName: me.partnerName }
  return { me, partnerName: resource.status === 'ready' ? resource.data : undefined }
}
