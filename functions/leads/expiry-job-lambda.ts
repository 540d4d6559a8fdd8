import middy from '@middy/core'
import { monotonicFactory } from 'ulid'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { expireLeadOffers } from './expiry-job'

const deps = { db: createDb(requiredEnv('TABLE_NAME')), clock: { now: () => new Date() }, newId: monotonicFactory() }

/** EventBridge schedule: expire lapsed lead offers (moving each lead on) and remind partners of offers about to lapse. */
export const handler = middy(async () => {
  const result = await expireLeadOffers(deps)
  console.log(JSON.stringify({ level: 'info', job: 'lead-offer-expiry', ...result }))
  return result
})
