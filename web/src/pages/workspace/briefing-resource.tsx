import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import { LoadFailure, Loading } from '../../components/states'
import { useResource } from '../../lib/hooks'

/** One of the partner's briefings with its ETag, as the detail and correction screens load it. */
export function usePartnerBriefing(partnerId: string, id: string) {
  const { resource, reload } = useResource(
    (signal) => api.briefings.get({ params: { partnerId, id }, signal }).then((r) => ({ briefing: r.data, etag: r.etag ?? '' })),
    [partnerId, id],
  )
  // a malformed id is a 400: to the reader it is just as missing
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const loaded = resource.status === 'ready' ? resource.data : undefined
  const state = (
    <>
      {resource.status === 'loading' && <Loading label="Loading briefing…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="briefing"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="This briefing does not exist in your workspace."
          back={{ href: '/workspace/briefings', label: 'Back to briefings' }}
        />
      )}
    </>
  )
  return { briefing: loaded?.briefing, etag: loaded?.etag ?? '', notFound, state }
}
