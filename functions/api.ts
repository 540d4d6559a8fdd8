import { entityAuditApp, partnerAuditApp } from './audit/app'
import { briefingReviewApp, briefingsApp } from './briefings/app'
import { catalogApp } from './catalog/app'
import { directoryApp } from './directory/app'
import { createApiWith } from './http/app'
import type { Deps } from './http/deps'
import { identityApp } from './identity/app'
import { partnersApp } from './partners/app'
import { uploadsApp } from './uploads/app'

/** The whole API in one app: what `npm start` serves and the integration tests drive. */
export const createApi = (deps: Deps) =>
  createApiWith(deps, {
    '/': identityApp,
    '/directory': directoryApp,
    '/partners': partnersApp,
    '/partners/:partnerId/products': catalogApp,
    '/partners/:partnerId': uploadsApp,
    '/partners/:partnerId/briefings': briefingsApp,
    '/review/briefings': briefingReviewApp,
    '/partners/:partnerId/audit': partnerAuditApp,
    '/audit': entityAuditApp,
  })
