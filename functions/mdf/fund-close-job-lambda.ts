import middy from '@middy/core'
import { monotonicFactory } from 'ulid'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { closeDueFunds } from './fund-close-job'

const deps = { db: createDb(requiredEnv('TABLE_NAME')), clock: { now: () => new Date() }, newId: monotonicFactory() }

/** EventBridge schedule: remind partners of unclaimed MDF before a fund closes; lapse the rest at close. */
export const handler = middy(async () => {
  const result = await closeDueFunds(deps)
  console.log(JSON.stringify({ level: 'info', job: 'mdf-fund-close', ...result }))
  return result
})
