import middy from '@middy/core'
import { monotonicFactory } from 'ulid'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { runBadgeExpiry } from './expiry-job'

const deps = { db: createDb(requiredEnv('TABLE_NAME')), clock: { now: () => new Date() }, newId: monotonicFactory() }

/** EventBridge schedule: expire badges whose time is up, remind partners 60, 30 and 7 days before. */
export const handler = middy(async () => {
  const result = await runBadgeExpiry(deps)
  console.log(JSON.stringify({ level: 'info', job: 'badge-expiry', ...result }))
  return result
})
