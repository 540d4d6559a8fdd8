import type { Actor } from '../../shared/roles'

/** Variables the shared middleware hands to every route (typed `c.var`). */
export interface PortalEnv {
  Variables: {
    actor: Actor
    /** set by the tenant guard on /partners/:partnerId routes: the partner the route acts on */
    partnerId: string
  }
}
