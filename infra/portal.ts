/**
 * The whole portal as stacks of one app, wired through props:
 *
 *   Gateway (HTTP API, $default stage)  ->  Web (SPA bucket + CloudFront, /api/* -> API)
 *   Web (origin)  ->  Data (table, documents bucket CORS)  and  Auth (Cognito callback URLs)
 *   Gateway, Data, Auth  ->  Api (one Lambda per domainFunctions row + its routes)
 *   Data  ->  Events (one Lambda per eventFunctions row: upload check, schedules)
 *   Web, Auth  ->  Site (the built SPA + its /config.json into the Web bucket)
 *
 * Stacks are environment-agnostic (no account/region, no lookups): synth runs offline.
 * infra/app.ts builds this for `npm run synth`; the tests build it with their own props.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Construct } from 'constructs'
import { domainFunctions, eventFunctions } from '../functions/domains'
import type { DomainFunction, EventFunction } from '../functions/domains'
import { projectRoot } from './constructs/portal-function'
import { ApiStack } from './stacks/api-stack'
import { AuthStack } from './stacks/auth-stack'
import { DataStack } from './stacks/data-stack'
import { EventsStack } from './stacks/events-stack'
import { GatewayStack } from './stacks/gateway-stack'
import { SiteStack } from './stacks/site-stack'
import { WebStack } from './stacks/web-stack'

export interface PortalProps {
  /** Stack name prefix. @default 'HomeAiqPortal' */
  readonly prefix?: string
  /** Built front end to deploy; undefined = deploy only /config.json. */
  readonly webAssetsDir?: string
  /** @default domainFunctions */
  readonly functions?: readonly DomainFunction[]
  /** @default eventFunctions */
  readonly eventFunctions?: readonly EventFunction[]
  readonly webAclArn?: string
  readonly customDomain?: { domainName: string; certificateArn: string }
  readonly cognitoDomainPrefix?: string
  /** sender of notification e-mails; its domain must be a verified SES identity. @default partners@homeaiq.example */
  readonly mailFrom?: string
}

export interface Portal {
  gateway: GatewayStack
  web: WebStack
  data: DataStack
  auth: AuthStack
  api: ApiStack
  site: SiteStack
  /** Absent when there are no event functions (CloudFormation rejects an empty stack). */
  events?: EventsStack
}

/** `web/dist` when `npm run build` has produced it, else undefined. */
export function builtWebAssets(): string | undefined {
  const dist = path.join(projectRoot, 'web', 'dist')
  return fs.existsSync(path.join(dist, 'index.html')) ? dist : undefined
}

export function createPortal(scope: Construct, props: PortalProps = {}): Portal {
  const prefix = props.prefix ?? 'HomeAiqPortal'
  const named = (concern: string) => ({
    stackName: `${prefix}-${concern}`,
    description: `HomeAIQ Partner Portal: ${concern.toLowerCase()}`,
  })

  const gateway = new GatewayStack(scope, `${prefix}-Gateway`, named('Gateway'))
  const web = new WebStack(scope, `${prefix}-Web`, {
    ...named('Web'),
    apiDomainName: gateway.apiDomainName,
    webAclArn: props.webAclArn,
    customDomain: props.customDomain,
  })
  const data = new DataStack(scope, `${prefix}-Data`, { ...named('Data'), webOrigins: web.webOrigins })
  const auth = new AuthStack(scope, `${prefix}-Auth`, {
    ...named('Auth'),
    webOrigins: web.webOrigins,
    domainPrefix: props.cognitoDomainPrefix,
  })
  const api = new ApiStack(scope, `${prefix}-Api`, {
    ...named('Api'),
    functions: props.functions ?? domainFunctions,
    httpApi: gateway.httpApi,
    table: data.table,
    tableIndexNames: data.tableIndexNames,
    documentsBucket: data.documentsBucket,
    userPool: auth.userPool,
    userPoolClient: auth.webClient,
    publicOrigin: web.webOrigins[0]!,
  })
  const site = new SiteStack(scope, `${prefix}-Site`, {
    ...named('Site'),
    siteBucket: web.siteBucket,
    distribution: web.distribution,
    spaConfig: auth.spaConfig,
    webAssetsDir: props.webAssetsDir,
  })
  const events = (props.eventFunctions ?? eventFunctions).length
    ? new EventsStack(scope, `${prefix}-Events`, {
        ...named('Events'),
        functions: props.eventFunctions ?? eventFunctions,
        table: data.table,
        tableIndexNames: data.tableIndexNames,
        documentsBucket: data.documentsBucket,
        portalUrl: web.webOrigins[0]!,
        mailFrom: props.mailFrom ?? 'partners@homeaiq.example',
      })
    : undefined
  return { gateway, web, data, auth, api, site, events }
}
