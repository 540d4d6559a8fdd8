/**
 * Api: one PortalFunction per row of functions/domains.ts `domainFunctions`, and one HTTP API
 * route per route string of the row, attached to the Gateway stack's HTTP API. Nothing here is
 * per-domain: a new row is a new function with its routes and grants.
 */
import type { StackProps } from 'aws-cdk-lib'
import { HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2'
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms'
import { RemovalPolicy } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'
import type { DomainFunction } from '../../functions/domains'
import { PortalFunction } from '../constructs/portal-function'
import { acknowledge } from '../nag'

export interface ApiStackProps extends StackProps {
  readonly functions: readonly DomainFunction[]
  readonly httpApi: IHttpApi
  readonly table: ITableV2
  readonly tableIndexNames: readonly string[]
  readonly documentsBucket: IBucket
  readonly userPool: IUserPool
  readonly userPoolClient: IUserPoolClient
  /** the portal's public origin (`https://...`), which signed badge credentials name */
  readonly publicOrigin: string
}

export interface ParsedRoute {
  method: HttpMethod
  path: string
}

/** `'GET /api/v1/directory/{partnerId}'` -> `{ method: GET, path: '/api/v1/directory/{partnerId}' }` */
export function parseRoute(route: string): ParsedRoute {
  const match = /^([A-Z]+) (\/\S*)$/.exec(route)
  const method = match?.[1]
  const path = match?.[2]
  const methods = Object.values(HttpMethod) as string[]
  if (!method || !path || !methods.includes(method) || method === HttpMethod.ANY) {
    throw new Error(`route "${route}" is not "<METHOD> /path"`)
  }
  return { method: method as HttpMethod, path }
}

const noAuthorizerReason =
  'Routes deliberately have no API Gateway authorizer: the same routes serve public requests ' +
  '(directory, badge verification, health) and signed-in ones, so each domain app verifies ' +
  'the Cognito access token itself with aws-jwt-verify (signature, issuer, client id, expiry, ' +
  'token use) and enforces roles and the partner tenancy boundary in code (DESIGN.md section 3).'

export class ApiStack extends PortalStack {
  readonly functions: Map<string, PortalFunction> = new Map()
  readonly routes: HttpRoute[] = []
  /** signs badge credentials (ES256); only the functions that sign may use it */
  readonly badgeSigningKey?: Key

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props)

    // Signs list cursors; the same in every container, so a cursor works wherever its next page is served.
    const cursorKey = new Secret(this, 'CursorKey', {
      description: 'HMAC key of the API list cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    })
    acknowledge(
      cursorKey,
      'AwsSolutions-SMG4',
      'The cursor key only authenticates pagination cursors (which carry no data a reader could not list anyway); ' +
        'rotating it would only invalidate cursors in flight, so it is rotated by replacing the secret on deploy when needed.',
    )

    if (props.functions.some((row) => row.signsBadges)) {
      // asymmetric: the private key never leaves KMS; kept on stack deletion, or issued credentials stop verifying
      this.badgeSigningKey = new Key(this, 'BadgeSigningKey', {
        description: 'Signs HomeAIQ badge credentials (Open Badges 3.0 VC-JWT, ES256)',
        keySpec: KeySpec.ECC_NIST_P256,
        keyUsage: KeyUsage.SIGN_VERIFY,
        removalPolicy: RemovalPolicy.RETAIN,
      })
    }

    const seenRoutes = new Map<string, string>()
    for (const row of props.functions) {
      if (!/^[a-z][a-z0-9-]*$/.test(row.name)) throw new Error(`domain function name "${row.name}" must be kebab-case`)
      if (this.functions.has(row.name)) throw new Error(`domain function "${row.name}" is listed twice`)

      const fn = new PortalFunction(this, `Fn-${row.name}`, {
        entry: row.entry,
        description: `HomeAIQ portal: ${row.name} API`,
      })
        .useTable(props.table, row.table, props.tableIndexNames)
        .useUserPool(props.userPool, props.userPoolClient, row.userAdmin ? 'admin' : 'verify')
      // a CloudFormation dynamic reference: resolved at deploy, never written into the template
      fn.function.addEnvironment('CURSOR_KEY', cursorKey.secretValue.unsafeUnwrap())
      if (row.documents) fn.useDocuments(props.documentsBucket, row.documents)
      if (row.signsBadges && this.badgeSigningKey) fn.useBadgeSigningKey(this.badgeSigningKey, props.publicOrigin)
      this.functions.set(row.name, fn)

      const integration = new HttpLambdaIntegration(`${row.name}-integration`, fn.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      })
      for (const route of row.routes) {
        const { method, path } = parseRoute(route)
        const key = `${method} ${path}`
        const owner = seenRoutes.get(key)
        if (owner) throw new Error(`route "${key}" is served by both "${owner}" and "${row.name}"`)
        seenRoutes.set(key, row.name)

        const httpRoute = new HttpRoute(this, `Route ${key.replaceAll('/', '|')}`, {
          httpApi: props.httpApi,
          routeKey: HttpRouteKey.with(path, method),
          integration,
        })
        acknowledge(httpRoute, 'AwsSolutions-APIG4', noAuthorizerReason)
        this.routes.push(httpRoute)
      }
      if (row.catchAll) {
        const fallback = new HttpRoute(this, 'Route $default', {
          httpApi: props.httpApi,
          routeKey: HttpRouteKey.DEFAULT,
          integration,
        })
        acknowledge(fallback, 'AwsSolutions-APIG4', noAuthorizerReason)
        this.routes.push(fallback)
      }
    }
  }
}
