import type { Actor } from '../../shared/roles'
import type { EarlyRead } from './read-ahead'

/** Variables the shared middleware hands to every route (typed `c.var`). */
export interface PortalEnv {
  Variables: {
    actor: Actor
    /** set by the tenant guard on /partners/:partnerId routes: the partner the route acts on */
    partnerId: string
    /** set by `identify` on a route that reads ahead: the read started for the unverified token's user */
    earlyRead?: EarlyRead
  }
}
