import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { lambdaDocumentLinks } from './presign'
import { uploadsRoutes } from './app'

const deps = lambdaDeps({ storage: lambdaDocumentLinks() })
export const handler = handle(createApiWith(deps, [uploadsRoutes]))
