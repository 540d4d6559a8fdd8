import { handle } from 'hono/aws-lambda'
import { allContracts } from '../../shared/contracts'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { identityRoutes } from './app'

// API Gateway's $default route lands here too: unknown routes get a 404 problem, OPTIONS its Allow list
export const handler = handle(createApiWith(lambdaDeps(), [identityRoutes], allContracts()))
