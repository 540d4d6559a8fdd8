import { handle } from 'hono/aws-lambda'
import { requiredEnv } from '../env-vars'
import { createApiWith } from '../http/app'
import { lambdaDeps } from '../http/lambda-deps'
import { badgesRoutes } from './app'
import { kmsSigner } from './signer'

const badges = { signer: kmsSigner(requiredEnv('BADGE_SIGNING_KEY_ARN')), origin: requiredEnv('PUBLIC_ORIGIN') }

export const handler = handle(createApiWith(lambdaDeps({ badges }), [badgesRoutes]))
