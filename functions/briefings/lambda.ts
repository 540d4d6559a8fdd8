import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { briefingReviewApp, briefingsApp } from './app'

export const handler = handle(
  createApiWith(lambdaDeps(), { '/partners/:partnerId/briefings': briefingsApp, '/review/briefings': briefingReviewApp }),
)
