import middy from '@middy/core'
import { monotonicFactory } from 'ulid'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { applyDueEndOfLife } from './eol-job'

const deps = { db: createDb(requiredEnv('TABLE_NAME')), clock: { now: () => new Date() }, newId: monotonicFactory() }

/** EventBridge schedule: discontinue the products of end-of-life briefings that took effect. */
export const handler = middy(async () => {
  const result = await applyDueEndOfLife(deps)
  console.log(JSON.stringify({ level: 'info', job: 'eol-discontinue', ...result }))
  return result
})
