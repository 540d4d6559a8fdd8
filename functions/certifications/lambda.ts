import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { certificationsRoutes } from './app'

export const handler = handle(createApiWith(lambdaDeps(), [certificationsRoutes]))
