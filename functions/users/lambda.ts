import { handle } from 'hono/aws-lambda'
import { requiredEnv } from '../env-vars'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { usersRoutes } from './app'
import { cognitoDirectory } from './directory'

export const handler = handle(
  createApiWith(lambdaDeps({ directory: cognitoDirectory(requiredEnv('USER_POOL_ID')) }), [usersRoutes]),
)
