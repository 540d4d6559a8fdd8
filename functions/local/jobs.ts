import { Hono } from 'hono'
import { applyDueEndOfLife } from '../briefings/eol-job'
import { runBadgeExpiry } from '../certifications/expiry-job'
import type { Deps } from '../http/deps'
import { problem } from '../http/problem'

/** The scheduled jobs, by the name `npm run job -- <name>` uses (AWS runs them on EventBridge schedules). */
export const LOCAL_JOBS: Record<string, (deps: Deps) => Promise<unknown>> = {
  'eol-discontinue': applyDueEndOfLife,
  'badge-expiry': runBadgeExpiry,
}

export const JOB_INTERVAL_MS = 60_000

/** Runs every job on an interval, as the schedules do in AWS; returns a stop function. */
export function scheduleJobs(deps: Deps): () => void {
  const timer = setInterval(() => {
    for (const [name, job] of Object.entries(LOCAL_JOBS)) {
      job(deps).catch((error: unknown) => console.error(`job ${name} failed:`, error))
    }
  }, JOB_INTERVAL_MS)
  timer.unref()
  return () => clearInterval(timer)
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
