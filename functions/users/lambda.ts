import { fromEnv } from '@aws-sdk/credential-provider-env'
import { handle } from 'hono/aws-lambda'
import { requiredEnv } from '../env-vars'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { usersRoutes } from './app'
import { cognitoApi } from './cognito-api'
import { cognitoDirectory } from './directory'

/** The function's region and role credentials; AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, the SDK's own override, when set. */
const cognito = cognitoApi({
  region: requiredEnv('AWS_REGION'),
  endpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
  credentials: fromEnv(),
})

export const handler = handle(
  createApiWith(lambdaDeps({ directory: cognitoDirectory(requiredEnv('USER_POOL_ID'), cognito) }), [usersRoutes]),
)
