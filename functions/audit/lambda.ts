import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { entityAuditApp, partnerAuditApp } from './app'

export const handler = handle(
  createApiWith(lambdaDeps(), { '/partners/:partnerId/audit': partnerAuditApp, '/audit': entityAuditApp }),
)
