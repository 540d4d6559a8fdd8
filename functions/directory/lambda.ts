import { handle } from 'hono/aws-lambda'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { lambdaDocumentLinks } from '../uploads/presign'
import { directoryRoutes } from './app'

const deps = lambdaDeps({ storage: lambdaDocumentLinks() })
export const handler = handle(createApiWith(deps, [directoryRoutes]))
