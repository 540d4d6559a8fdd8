import { offerLapsed } from '../../shared/leads/rules'
import { LEAD_LIMITS } from '../../shared/leads/vocabulary'
import { leadWorkflow, type WorkflowDeps } from './workflow'

export interface ExpiryJobResult {
  /** offers that lapsed and moved on (or left their lead unassigned) */
  lapsed: number
  /** offered partners reminded that their offer lapses soon */
  warned: number
}

/**
 * Reads the open offers that lapse within the warning window (a Query on the sparse expiry
 * index, never a Scan). A lapsed one is closed and offered on in one transaction conditional on
 * the version read (an accept that got in first wins, and this skips it); one that lapses soon
 * gets its reminder once. Running twice changes nothing the second time.
 */
export async function expireLeadOffers(deps: WorkflowDeps): Promise<ExpiryJobResult> {
  const flow = leadWorkflow(deps)
  const now = deps.clock.now()
  const horizon = new Date(now.getTime() + LEAD_LIMITS.lapseWarningHours * 3_600_000).toISOString()
  const result: ExpiryJobResult = { lapsed: 0, warned: 0 }
  let cursor: string | undefined
  do {
    const page = await flow.leads.openOffersDueBy(horizon, cursor)
    for (const lead of page.items) {
      if (offerLapsed(lead, now)) {
        if (await flow.lapse(lead)) result.lapsed++
      } else if (await flow.warnLapsing(lead)) {
        result.warned++
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return result
}
