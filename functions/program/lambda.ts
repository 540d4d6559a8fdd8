import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { programRoutes } from './app'

export const handler = handle(createApiWith(lambdaDeps(), [programRoutes]))
