/**
 * The AWS SDK's credential chain as a Lambda needs it. The runtime hands every function its
 * role's credentials in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, so the
 * default chain's other links (SSO, ini files, processes, web identity, the instance metadata
 * service, and the STS/SSO clients they carry) are never reached there. The Lambda bundles
 * alias `@aws-sdk/credential-provider-node` to this module (infra/constructs/bundling.ts):
 * about 90 KB less to load at every cold start. The local twin keeps the full chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env'

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init)
