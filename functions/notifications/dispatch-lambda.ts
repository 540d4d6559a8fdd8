import middy from '@middy/core'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { logger } from '../runtime/logger'
import { dispatchOutbox } from './dispatch'
import { sesMailer } from './mailer'

const deps = {
  db: createDb(requiredEnv('TABLE_NAME')),
  mailer: sesMailer(requiredEnv('MAIL_FROM')),
  portalUrl: requiredEnv('PORTAL_URL'),
}

/**
 * The table's stream (outbox inserts only, by filter) and a schedule (the safety net) both
 * land here; either way the dispatcher delivers whatever is pending, so a lost or repeated
 * event changes nothing.
 */
export const handler = middy(async () => {
  const result = await dispatchOutbox(deps)
  logger.info('notifications dispatched', { job: 'notify-dispatch', ...result })
  return result
})
