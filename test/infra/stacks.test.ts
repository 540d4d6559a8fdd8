import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Stack } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import type { CfnResource } from 'aws-cdk-lib'
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront'
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito'
import { domainFunctions, eventFunctions } from '../../functions/domains'
import { allContracts } from '../../shared/contracts'
import { tableShape } from '../../functions/data/table'
import { UPLOAD_PREFIX } from '../../shared/uploads/rules'
import { ApiStack, parseRoute } from '../../infra/stacks/api-stack'
import { WebStack, spaRewriteCode, wellKnownRewriteCode } from '../../infra/stacks/web-stack'
import { SiteStack } from '../../infra/stacks/site-stack'
import { portalGroups } from '../../infra/stacks/auth-stack'
import { documentsActions, tableActions } from '../../infra/constructs/portal-function'
import { portalRuntime } from '../../infra/constructs/bundling'
import type { Portal } from '../../infra/portal'
import { buildPortal, removeTempDirs, stacksOf, testApp } from './fixture'

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DeletionPolicy?: string }>

let portal: Portal
const templates: Record<string, Template> = {}
const t = (name: keyof Portal): Template => {
  const template = templates[name]
  if (!template) throw new Error(`no ${name} stack`)
  return template
}

/** The logical id of a construct's CloudFormation resource in its stack's template. */
function logicalIdOf(resource: CfnResource): string {
  const stack = Stack.of(resource)
  return stack.resolve(stack.getLogicalId(resource)) as string
}

function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources
}

/** Flattens the Statement lists of every IAM policy attached to `roleLogicalId`. */
function statementsOfRole(template: Template, roleLogicalId: string) {
  const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties?.Roles).includes(roleLogicalId),
  )
  return policies.flatMap(
    (p) => (p.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
  )
}

const actionsOf = (statements: { Action: string | string[] }[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))

beforeAll(() => {
  ;({ portal } = buildPortal())
  for (const [name, stack] of Object.entries(portal)) if (stack) templates[name] = Template.fromStack(stack)
}, 120_000)

afterAll(removeTempDirs)

describe('app', () => {
  it('names the stacks by concern under one prefix, all environment-agnostic', () => {
    expect(
      stacksOf(portal)
        .map((s) => s.stackName)
        .sort(),
    ).toEqual(['Api', 'Auth', 'Data', 'Events', 'Gateway', 'Site', 'Web'].map((c) => `HomeAiqPortal-${c}`))
    for (const stack of stacksOf(portal)) {
      expect(stack.environment).toBe('aws://unknown-account/unknown-region')
    }
  })

  it('orders the stacks Gateway -> Web -> Data/Auth -> Api, Events, Site', () => {
    const deps = (s: Stack) => s.dependencies.map((d) => d.stackName).sort()
    expect(deps(portal.gateway)).toEqual([])
    expect(deps(portal.web)).toEqual(['HomeAiqPortal-Gateway'])
    expect(deps(portal.data)).toEqual(['HomeAiqPortal-Web'])
    expect(deps(portal.auth)).toEqual(['HomeAiqPortal-Web'])
    expect(deps(portal.api)).toEqual(['HomeAiqPortal-Auth', 'HomeAiqPortal-Data', 'HomeAiqPortal-Gateway', 'HomeAiqPortal-Web'])
    expect(deps(portal.site)).toEqual(['HomeAiqPortal-Auth', 'HomeAiqPortal-Web'])
    expect(deps(portal.events!)).toEqual(['HomeAiqPortal-Data', 'HomeAiqPortal-Web'])
  })
})

describe('data', () => {
  it('builds the table from tableShape: keys, GSIs (string keys, projection ALL), on-demand', () => {
    t('data').resourceCountIs('AWS::DynamoDB::GlobalTable', 1)
    const attributes = new Set<string>([tableShape.partitionKey, tableShape.sortKey])
    for (const index of tableShape.globalIndexes) {
      attributes.add(index.partitionKey)
      attributes.add(index.sortKey)
    }
    t('data').hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableShape.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableShape.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
      GlobalSecondaryIndexes: tableShape.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    })
    const table = Object.values(resourcesOf(t('data'), 'AWS::DynamoDB::GlobalTable'))[0]!
    expect((table.Properties?.AttributeDefinitions as unknown[]).length).toBe(attributes.size)
  })

  it('protects the table: PITR, deletion protection, encryption, retained', () => {
    t('data').hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    })
  })

  it('expires Idempotency-Key claims with the TTL attribute the code writes', () => {
    t('data').hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: tableShape.timeToLiveAttribute, Enabled: true },
    })
  })

  it('documents bucket: versioned, logged, S3-encrypted, CORS POST from the web origin, noncurrent lifecycle', () => {
    const distribution = logicalIdOf(portal.web.distribution.node.defaultChild as CfnResource)
    t('data').hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
        CorsConfiguration: {
          CorsRules: [
            Match.objectLike({
              AllowedMethods: Match.arrayWith(['POST']),
              AllowedOrigins: [
                {
                  'Fn::Join': [
                    '',
                    ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp(`HomeAiqPortal-Web:.*${distribution}DomainName`) }],
                  ],
                },
              ],
            }),
          ],
        },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ NoncurrentVersionExpiration: Match.objectLike({ NoncurrentDays: Match.anyValue() }) }),
          ]),
        },
      }),
    })
  })
})

describe('every bucket', () => {
  it('blocks public access, enforces SSL (and TLS 1.2) and encrypts', () => {
    let count = 0
    for (const template of Object.values(templates)) {
      const buckets = resourcesOf(template, 'AWS::S3::Bucket')
      const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'))
      for (const [id, bucket] of Object.entries(buckets)) {
        count++
        expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        })
        expect(bucket.Properties?.BucketEncryption, id).toBeDefined()
        const policy = policies.find((p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: id }))
        expect(policy, `${id} has a bucket policy`).toBeDefined()
        const statements = (policy!.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement
        expect(statements, id).toContainEqual(
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        )
        expect(statements, id).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        )
      }
    }
    expect(count).toBe(4) // data: documents + access logs; web: site + access logs
  })
})

describe('auth', () => {
  it('user pool: email sign-in, invitation only, strong passwords, TOTP MFA required, retained', () => {
    t('auth').hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    })
  })

  it('has the role groups staff, partner-admin, partner-rep', () => {
    const names = Object.values(resourcesOf(t('auth'), 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties?.GroupName)
    expect(names.sort()).toEqual(['partner-admin', 'partner-rep', 'staff'])
    expect(portalGroups.map((g) => g.groupName).sort()).toEqual(names.sort())
  })

  it('SPA client: public (no secret), authorization code flow only, callbacks on the web origin', () => {
    t('auth').resourceCountIs('AWS::Cognito::UserPoolClient', 1)
    t('auth').hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid']),
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      CallbackURLs: [Match.objectLike({ 'Fn::Join': ['', Match.arrayWith(['https://', '/sign-in/callback'])] })],
    })
  })

  it('gives the SPA its sign-in config (web/src/api/types.ts RuntimeConfig)', () => {
    const config = portal.auth.resolve(portal.auth.spaConfig) as { auth: Record<string, unknown> }
    expect(config.auth.mode).toBe('cognito')
    expect(JSON.stringify(config.auth.domain)).toContain('.amazoncognito.com')
    expect(config.auth.clientId).toEqual({ Ref: logicalIdOf(portal.auth.webClient.node.defaultChild as CfnResource) })
    expect(JSON.stringify(config.auth.redirectUri)).toContain('/sign-in/callback')
    expect(config.auth.scopes).toBe('openid email profile')
  })

  it('has a managed-login domain with a branding style for the SPA client', () => {
    t('auth').hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 })
    t('auth').resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1)
  })
})

describe('gateway', () => {
  it('HTTP API with an auto-deployed $default stage, JSON access logs and default throttling', () => {
    t('gateway').resourceCountIs('AWS::ApiGatewayV2::Api', 1)
    t('gateway').hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' })
    t('gateway').hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    })
    t('gateway').hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() })
    t('gateway').resourceCountIs('AWS::ApiGatewayV2::Authorizer', 0)
  })
})

describe('api', () => {
  const functionsInTemplate = () => resourcesOf(t('api'), 'AWS::Lambda::Function')

  it('has exactly one Lambda per domainFunctions row', () => {
    expect(Object.keys(functionsInTemplate())).toHaveLength(domainFunctions.length)
    expect([...portal.api.functions.keys()]).toEqual(domainFunctions.map((row) => row.name))
  })

  it.each(domainFunctions.map((row) => [row.name, row] as const))(
    '%s: nodejs22.x+ on arm64, ESM bundle handler, env, log group',
    (_name, row) => {
      const fn = portal.api.functions.get(row.name)!
      const props = functionsInTemplate()[logicalIdOf(fn.function.node.defaultChild as CfnResource)]?.Properties
      expect(props).toBeDefined()
      const runtime = String(props!.Runtime)
      expect(runtime).toMatch(/^nodejs\d+\.x$/)
      expect(Number(/^nodejs(\d+)/.exec(runtime)![1])).toBeGreaterThanOrEqual(22)
      expect(props!.Architectures).toEqual(['arm64'])
      expect(props!.Handler).toBe('index.handler')
      expect(props!.MemorySize).toBe(512)
      expect(props!.Timeout).toBe(10)
      expect(props!.LoggingConfig).toEqual(expect.objectContaining({ LogGroup: expect.anything() }))
      const env = (props!.Environment as { Variables: Record<string, unknown> }).Variables
      // no --enable-source-maps: it would parse the source map at every cold start (portal-function.ts)
      expect(env.NODE_OPTIONS).toBeUndefined()
      for (const name of ['TABLE_NAME', 'USER_POOL_ID', 'USER_POOL_CLIENT_ID', 'CURSOR_KEY'])
        expect(env[name], name).toBeDefined()
      expect('DOCUMENTS_BUCKET' in env).toBe(row.documents !== undefined)
      // the cursor key reaches the function as a dynamic reference, never as a value in the template
      expect(JSON.stringify(env.CURSOR_KEY)).toContain('{{resolve:secretsmanager:')
    },
  )

  it.each(domainFunctions.map((row) => [row.name, row] as const))(
    '%s: least-privilege grants from its row (table mode, documents mode, no managed policies)',
    (_name, row) => {
      const fn = portal.api.functions.get(row.name)!
      const roleId = logicalIdOf(fn.role.node.defaultChild as CfnResource)
      const role = resourcesOf(t('api'), 'AWS::IAM::Role')[roleId]
      expect(role?.Properties?.ManagedPolicyArns).toBeUndefined()
      const statements = statementsOfRole(t('api'), roleId)
      const actions = actionsOf(statements)
      for (const action of tableActions[row.table]) expect(actions).toContain(action)
      expect(actions).not.toContain('dynamodb:Scan')
      if (row.table === 'read') expect(actions).not.toContain('dynamodb:PutItem')
      const s3Actions = actions.filter((a) => a.startsWith('s3:'))
      expect(s3Actions.sort()).toEqual(row.documents ? [...documentsActions[row.documents]].sort() : [])
      for (const action of actions) expect(action).not.toContain('*')
    },
  )

  it('signs badges with a KMS P-256 key only the signing function may use, and tells it the public origin', () => {
    t('api').hasResourceProperties('AWS::KMS::Key', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' })
    const keys = Object.entries(t('api').findResources('AWS::KMS::Key'))
    expect(keys).toHaveLength(1)
    expect(keys[0]![1].DeletionPolicy).toBe('Retain')
    const keyId = keys[0]![0]
    for (const row of domainFunctions) {
      const fn = portal.api.functions.get(row.name)!
      const roleId = logicalIdOf(fn.role.node.defaultChild as CfnResource)
      const kms = statementsOfRole(t('api'), roleId).filter((s) => actionsOf([s]).some((a) => a.startsWith('kms:')))
      const props = functionsInTemplate()[logicalIdOf(fn.function.node.defaultChild as CfnResource)]!.Properties!
      const env = (props.Environment as { Variables: Record<string, unknown> }).Variables
      if (row.signsBadges) {
        expect(actionsOf(kms).sort(), row.name).toEqual(['kms:GetPublicKey', 'kms:Sign'])
        expect(JSON.stringify(kms[0]!.Resource)).toContain(keyId)
        expect(JSON.stringify(env.BADGE_SIGNING_KEY_ARN)).toContain(keyId)
        expect(JSON.stringify(env.PUBLIC_ORIGIN)).toMatch(/DistributionDomainName|https:/)
      } else {
        expect(kms, row.name).toEqual([])
        expect('BADGE_SIGNING_KEY_ARN' in env).toBe(false)
      }
    }
    expect(domainFunctions.filter((row) => row.signsBadges).map((row) => row.name)).toEqual(['badges'])
  })

  it('has one route per route contract (and $default), integrated with the function of its domain, without authorizer', () => {
    const routes = Object.values(resourcesOf(t('api'), 'AWS::ApiGatewayV2::Route'))
    const integrations = resourcesOf(t('api'), 'AWS::ApiGatewayV2::Integration')
    const allRoutes = domainFunctions.flatMap((row) => [...row.routes, ...(row.catchAll ? ['$default'] : [])])
    expect(allRoutes.sort()).toEqual([...allContracts().map((c) => `${c.method} /api/v1${c.path}`), '$default'].sort())
    expect(routes).toHaveLength(allRoutes.length)
    for (const row of domainFunctions) {
      const fnId = logicalIdOf(portal.api.functions.get(row.name)!.function.node.defaultChild as CfnResource)
      for (const routeKey of [...row.routes, ...(row.catchAll ? ['$default'] : [])]) {
        const route = routes.find((r) => r.Properties?.RouteKey === routeKey)
        expect(route, routeKey).toBeDefined()
        expect(route!.Properties?.AuthorizationType ?? 'NONE').toBe('NONE')
        const target = JSON.stringify(route!.Properties?.Target)
        const integrationId = /"Ref":"([^"]+)"/.exec(target)?.[1]
        expect(integrationId, routeKey).toBeDefined()
        expect(JSON.stringify(integrations[integrationId!]?.Properties?.IntegrationUri)).toContain(fnId)
        expect(integrations[integrationId!]?.Properties?.PayloadFormatVersion).toBe('2.0')
      }
    }
  })

  it('attaches the routes to the Gateway stack HTTP API', () => {
    for (const route of Object.values(resourcesOf(t('api'), 'AWS::ApiGatewayV2::Route'))) {
      expect(JSON.stringify(route.Properties?.ApiId)).toMatch(/HomeAiqPortal-Gateway:.*HttpApi/)
    }
  })

  it('parses route strings strictly', () => {
    expect(parseRoute('GET /api/v1/directory/{partnerId}')).toEqual({ method: 'GET', path: '/api/v1/directory/{partnerId}' })
    for (const bad of ['get /x', 'GET', 'GET api/v1', 'ANY /x', 'FETCH /x', 'GET /a b']) {
      expect(() => parseRoute(bad), bad).toThrow()
    }
  })

  it('refuses a route served by two rows', () => {
    const row = domainFunctions[0]!
    const stack = new Stack(testApp(), 'Refs')
    expect(
      () =>
        new ApiStack(stack, 'Dup', {
          functions: [row, { ...row, name: `${row.name}-copy` }],
          httpApi: HttpApi.fromHttpApiAttributes(stack, 'Api', { httpApiId: 'abc123' }),
          table: TableV2.fromTableName(stack, 'Table', 'portal'),
          tableIndexNames: [],
          documentsBucket: Bucket.fromBucketName(stack, 'Docs', 'docs'),
          userPool: UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_abc'),
          userPoolClient: UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client'),
          publicOrigin: 'https://portal.example',
        }),
    ).toThrow(/served by both/)
  })
})

describe('events', () => {
  it('has exactly one Lambda per eventFunctions row (plus the CDK notifications handler)', () => {
    expect([...portal.events!.functions.keys()]).toEqual(eventFunctions.map((row) => row.name))
    const ours = Object.values(resourcesOf(t('events'), 'AWS::Lambda::Function')).filter(
      (f) => f.Properties?.Runtime === portalRuntime.name,
    )
    expect(ours).toHaveLength(eventFunctions.length)
  })

  it.each(eventFunctions.map((row) => [row.name, row] as const))(
    '%s: same runtime/arch/bundle, grants and its trigger',
    (_name, row) => {
      const fn = portal.events!.functions.get(row.name)!
      const fnId = logicalIdOf(fn.function.node.defaultChild as CfnResource)
      const props = resourcesOf(t('events'), 'AWS::Lambda::Function')[fnId]!.Properties!
      expect(props.Runtime).toBe(portalRuntime.name)
      expect(props.Architectures).toEqual(['arm64'])
      expect(props.Handler).toBe('index.handler')
      const env = (props.Environment as { Variables: Record<string, unknown> }).Variables
      expect(env.TABLE_NAME).toBeDefined()
      expect('DOCUMENTS_BUCKET' in env).toBe(row.documents !== undefined)
      const actions = actionsOf(statementsOfRole(t('events'), logicalIdOf(fn.role.node.defaultChild as CfnResource)))
      for (const action of tableActions[row.table]) expect(actions).toContain(action)

      expect('MAIL_FROM' in env).toBe(row.mail === true)
      if (row.mail) {
        expect(env.PORTAL_URL).toBeDefined()
        expect(actions).toContain('ses:SendEmail')
      } else expect(actions).not.toContain('ses:SendEmail')

      if (row.trigger.kind === 'schedule' || row.trigger.kind === 'outbox') {
        t('events').hasResourceProperties('AWS::Events::Rule', {
          ScheduleExpression: row.trigger.expression,
          Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } })],
        })
      }
      if (row.trigger.kind === 'outbox') {
        // woken by the table's stream, for outbox inserts only
        t('events').hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: fnId },
          StartingPosition: 'LATEST',
          FilterCriteria: {
            Filters: [
              { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { _type: { S: ['outbox'] } } } }) },
            ],
          },
        })
        expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator']))
      }
      if (row.trigger.kind === 'document-uploaded') {
        // the check copies each upload (GetObject on it, PutObject on the copy) and deletes what it does not keep
        for (const action of ['s3:GetObject', 's3:PutObject', 's3:DeleteObject']) expect(actions).toContain(action)
        t('events').hasResourceProperties('Custom::S3BucketNotifications', {
          BucketName: { 'Fn::ImportValue': Match.stringLikeRegexp('HomeAiqPortal-Data:.*Documents') },
          Managed: false,
          NotificationConfiguration: {
            LambdaFunctionConfigurations: Match.arrayWith([
              {
                Events: ['s3:ObjectCreated:*'],
                Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: UPLOAD_PREFIX }] } },
                LambdaFunctionArn: { 'Fn::GetAtt': [fnId, 'Arn'] },
              },
            ]),
          },
        })
        t('events').hasResourceProperties('AWS::Lambda::Permission', {
          FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
          Principal: 's3.amazonaws.com',
          SourceAccount: { Ref: 'AWS::AccountId' },
        })
      }
    },
  )
})

describe('web', () => {
  const distribution = () =>
    Object.values(resourcesOf(t('web'), 'AWS::CloudFront::Distribution'))[0]!.Properties!.DistributionConfig as Record<
      string,
      unknown
    >

  it('serves the site bucket through Origin Access Control (no OAI, no public bucket)', () => {
    t('web').resourceCountIs('AWS::CloudFront::Distribution', 1)
    t('web').hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    })
    t('web').resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0)
    const origins = distribution().Origins as Record<string, unknown>[]
    const s3Origin = origins.find((o) => o.S3OriginConfig)
    expect(s3Origin?.OriginAccessControlId).toBeDefined()
    expect(s3Origin?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' })
    const siteId = logicalIdOf(portal.web.siteBucket.node.defaultChild as CfnResource)
    t('web').hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    })
  })

  it('HTTPS only, index.html root, SPA rewrite on viewer request, no distribution-wide error pages', () => {
    const config = distribution()
    expect(config.DefaultRootObject).toBe('index.html')
    const defaultBehavior = config.DefaultCacheBehavior as Record<string, unknown>
    expect(defaultBehavior.ViewerProtocolPolicy).toBe('redirect-to-https')
    expect(defaultBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })])
    // error responses would turn the API's problem+json 403/404 into index.html
    expect(config.CustomErrorResponses).toBeUndefined()
    expect(config.HttpVersion).toBe('http2and3')
  })

  it('the SPA rewrite sends client routes to /index.html and leaves files alone', () => {
    const handler = new Function(`${spaRewriteCode}; return handler`)() as (e: unknown) => { uri: string }
    const rewrite = (uri: string) => handler({ request: { uri } }).uri
    expect(rewrite('/')).toBe('/index.html')
    expect(rewrite('/partners/lutron/catalog')).toBe('/index.html')
    expect(rewrite('/assets/app-3f2a.js')).toBe('/assets/app-3f2a.js')
    expect(rewrite('/favicon.ico')).toBe('/favicon.ico')
  })

  it('/api/* goes to the HTTP API: HTTPS/TLS1.2 origin, no caching, all viewer headers but Host', () => {
    const config = distribution()
    const behaviors = config.CacheBehaviors as Record<string, unknown>[]
    const api = behaviors.find((b) => b.PathPattern === '/api/*')
    expect(api).toBeDefined()
    expect(api!.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId)
    expect(api!.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId)
    expect(api!.ViewerProtocolPolicy).toBe('https-only')
    expect(api!.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']))
    const origin = (config.Origins as Record<string, unknown>[]).find((o) => o.Id === api!.TargetOriginId)!
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] })
    expect(JSON.stringify(origin.DomainName)).toMatch(/HomeAiqPortal-Gateway:.*ApiEndpoint/)
  })

  it('/.well-known/* goes to the API, rewritten to /api/v1/.well-known/* on viewer request', () => {
    const config = distribution()
    const behaviors = config.CacheBehaviors as Record<string, unknown>[]
    const wellKnown = behaviors.find((b) => b.PathPattern === '/.well-known/*')
    const api = behaviors.find((b) => b.PathPattern === '/api/*')
    expect(wellKnown).toBeDefined()
    expect(wellKnown!.TargetOriginId).toBe(api!.TargetOriginId)
    expect(wellKnown!.ViewerProtocolPolicy).toBe('https-only')
    expect(wellKnown!.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })])
    const handler = new Function(`${wellKnownRewriteCode}; return handler`)() as (e: unknown) => { uri: string }
    expect(handler({ request: { uri: '/.well-known/jwks.json' } }).uri).toBe('/api/v1/.well-known/jwks.json')
    t('web').hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: wellKnownRewriteCode,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    })
  })

  it('sends security headers (CSP, HSTS, nosniff, frame DENY) with the SPA', () => {
    t('web').hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: Match.anyValue(), Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    })
    const config = distribution()
    expect((config.DefaultCacheBehavior as Record<string, unknown>).ResponseHeadersPolicyId).toBeDefined()
  })

  it('logs CloudFront access to a logs bucket with ACLs enabled (ObjectWriter)', () => {
    const logging = distribution().Logging as { Bucket: unknown; Prefix: string }
    expect(logging.Prefix).toBe('cloudfront/')
    const logsId = logicalIdOf(portal.web.logsBucket.node.defaultChild as CfnResource)
    expect(JSON.stringify(logging.Bucket)).toContain(logsId)
    t('web').hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
    })
  })

  it('site: deploys the built front end plus /config.json, then invalidates the distribution', () => {
    t('site').resourceCountIs('Custom::CDKBucketDeployment', 1)
    const props = Object.values(resourcesOf(t('site'), 'Custom::CDKBucketDeployment'))[0]!.Properties!
    expect(props.SourceObjectKeys).toHaveLength(2) // web/dist + config.json
    t('site').hasResourceProperties('Custom::CDKBucketDeployment', {
      Prune: true,
      DistributionPaths: ['/*'],
      DestinationBucketName: { 'Fn::ImportValue': Match.stringLikeRegexp('HomeAiqPortal-Web:.*Site') },
    })
  })

  it('site: without a build, deploys only /config.json and prunes nothing', () => {
    const app = testApp()
    const web = new WebStack(app, 'NoDistWeb', { apiDomainName: 'abc123.execute-api.eu-west-1.amazonaws.com' })
    const site = new SiteStack(app, 'NoDistSite', {
      siteBucket: web.siteBucket,
      distribution: web.distribution,
      spaConfig: {
        auth: {
          mode: 'cognito',
          domain: 'https://x.auth.eu-west-1.amazoncognito.com',
          clientId: 'c',
          redirectUri: 'https://x/sign-in/callback',
          scopes: 'openid',
          logoutUri: 'https://x/',
        },
      },
    })
    const props = Object.values(resourcesOf(Template.fromStack(site), 'Custom::CDKBucketDeployment'))[0]!.Properties!
    expect(props.SourceObjectKeys).toHaveLength(1)
    expect(props.Prune).toBe(false)
  })
})
