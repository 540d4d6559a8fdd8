import { Hono } from 'hono'
import { applyDueEndOfLife } from '../briefings/eol-job'
import { dispatchOutbox } from '../notifications/dispatch'
import { runBadgeExpiry } from '../certifications/expiry-job'
import type { Deps } from '../http/deps'
import { expireLeadOffers } from '../leads/expiry-job'
import { closeDueFunds } from '../mdf/fund-close-job'
import { problem } from '../http/problem'

/** The scheduled jobs, by the name `npm run job -- <name>` uses (AWS runs them on EventBridge schedules). */
export const LOCAL_JOBS: Record<string, (deps: Deps) => Promise<unknown>> = {
  'eol-discontinue': applyDueEndOfLife,
  'notify-dispatch': (deps) => {
    if (!deps.notify) throw new Error('the local portal was built without a mailer')
    return dispatchOutbox({ db: deps.db, ...deps.notify })
  },
  'lead-offer-expiry': expireLeadOffers,
  'mdf-fund-close': closeDueFunds,
  'badge-expiry': runBadgeExpiry,
}

export const JOB_INTERVAL_MS = 60_000
/** Jobs that AWS runs on an event (the table's stream) rather than a schedule: locally, often. */
const FAST_JOBS = new Set(['notify-dispatch'])
const FAST_INTERVAL_MS = 2000

/** Runs every job on an interval, as the schedules (and the outbox stream) do in AWS; returns a stop function. */
export function scheduleJobs(deps: Deps): () => void {
  const running = new Set<string>()
  const run = (name: string, job: (deps: Deps) => Promise<unknown>) => {
    if (running.has(name)) return // a slow run is not overtaken by the next tick
    running.add(name)
    job(deps)
      .catch((error: unknown) => console.error(`job ${name} failed:`, error))
      .finally(() => running.delete(name))
  }
  const tick = (fast: boolean) => () => {
    for (const [name, job] of Object.entries(LOCAL_JOBS)) if (FAST_JOBS.has(name) === fast) run(name, job)
  }
  const timers = [setInterval(tick(false), JOB_INTERVAL_MS), setInterval(tick(true), FAST_INTERVAL_MS)]
  for (const timer of timers) timer.unref()
  return () => timers.forEach(clearInterval)
}

/** POST /dev/jobs/:name: run one job now (local only; `npm run job` calls it). */
export const devJobsApp = (deps: Deps) =>
  new Hono().post('/:name', async (c) => {
    const job = LOCAL_JOBS[c.req.param('name')]
    if (!job) {
      return problem(c, {
        type: 'not-found',
        title: 'Unknown job',
        status: 404,
        detail: `Jobs: ${Object.keys(LOCAL_JOBS).join(', ')}`,
      })
    }
    return c.json({ job: c.req.param('name'), result: await job(deps) })
  })
