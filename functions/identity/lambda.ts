import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { identityRoutes } from './app'

// API Gateway's $default route lands here too: unknown routes get a 404 problem, OPTIONS its Allow list
// (every contract of the API, loaded on the first OPTIONS: the cold start builds only identity's schemas)
const allRoutes = () => import('../../shared/contracts').then((m) => m.allContracts())
export const handler = handle(createApiWith(lambdaDeps(), [identityRoutes], allRoutes))
