import { handle } from 'hono/aws-lambda'
import { requiredEnv } from '../env-vars'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { s3Storage } from './storage'
import { uploadsRoutes } from './app'

const deps = lambdaDeps({ storage: s3Storage(requiredEnv('DOCUMENTS_BUCKET')) })
export const handler = handle(createApiWith(deps, [uploadsRoutes]))
