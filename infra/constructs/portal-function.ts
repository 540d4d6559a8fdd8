/**
 * PortalFunction: the one way a portal Lambda is built. Every domain function gets the same
 * runtime, architecture, bundling, log group and a role that starts with NO permissions
 * (not even an AWS managed policy); `useTable` / `useDocuments` / `useUserPool` each grant the
 * least privilege a mode needs AND set the environment variable the code reads, in one call,
 * so a grant can never be forgotten while its variable is set (or the other way round).
 */
import { Duration, Stack } from 'aws-cdk-lib'
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Architecture, Function as LambdaFunction, LoggingFormat, Tracing } from 'aws-cdk-lib/aws-lambda'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import { portalCode, portalRuntime } from './bundling'
import { acknowledge } from '../nag'
import { bucketArnFor } from '../refs'

export { projectRoot } from './bundling'

export type TableAccess = 'read' | 'read-write'
export type DocumentsAccess = 'read' | 'read-write'

/** DynamoDB actions per mode. No Scan: every request path is GetItem/Query/transactions. */
export const tableActions: Record<TableAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
}

/**
 * S3 object actions per mode. `read-write` covers presigned POST uploads (signed with the
 * function's credentials, so its role needs s3:PutObject), the upload check reading the
 * object, and deleting a rejected upload.
 */
export const documentsActions: Record<DocumentsAccess, string[]> = {
  read: ['s3:GetObject'],
  'read-write': ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
}

export interface PortalFunctionProps {
  /** Entry file, relative to the repository root (e.g. `functions/directory/lambda.ts`). */
  readonly entry: string
  readonly description?: string
  /** @default 512 */
  readonly memorySize?: number
  /** @default 10 seconds */
  readonly timeout?: Duration
  /** @default three months */
  readonly logRetention?: RetentionDays
  /** Active X-Ray tracing. @default false */
  readonly tracing?: boolean
  readonly environment?: Record<string, string>
}

export class PortalFunction extends Construct {
  readonly function: LambdaFunction
  readonly role: Role
  readonly logGroup: LogGroup

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id)

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
    })

    // An explicit role instead of the default one with the AWS managed
    // AWSLambdaBasicExecutionRole policy (cdk-nag AwsSolutions-IAM4): it may only write to
    // its own log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${id} portal function`,
    })
    this.logGroup.grantWrite(this.role)

    this.function = new LambdaFunction(this, 'Function', {
      code: portalCode(props.entry),
      handler: 'index.handler',
      runtime: portalRuntime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: props.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      // No NODE_OPTIONS=--enable-source-maps: Node would read and parse the ~1 MB source map at
      // every cold start (5-15 ms here, a tenth of the floor's whole init; `npm run bench --
      // --source-maps` weighs it), and turning it on later (process.setSourceMapsEnabled)
      // maps only modules loaded after, never the bundle. The map ships beside the bundle in
      // the asset, so a logged stack (index.mjs:line:column) can be mapped when one is needed.
      environment: props.environment,
    })

    if (props.tracing) {
      acknowledge(
        this.role,
        'AwsSolutions-IAM5[Resource::*]',
        'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which ' +
          'support no resource-level permissions, so IAM only accepts Resource "*" for them.',
      )
    }
  }

  /** Grants the table access of `mode` (and on the named GSIs: Query) and sets TABLE_NAME. */
  useTable(table: ITableV2, mode: TableAccess, indexNames: readonly string[] = []): this {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: tableActions[mode],
        resources: [table.tableArn],
      }),
    )
    if (indexNames.length > 0) {
      // Each index by name, not `index/*`: no wildcard resource (cdk-nag AwsSolutions-IAM5).
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['dynamodb:Query'],
          resources: indexNames.map((name) => `${table.tableArn}/index/${name}`),
        }),
      )
    }
    if (table.encryptionKey) {
      if (mode === 'read') table.encryptionKey.grantDecrypt(this.role)
      else table.encryptionKey.grantEncryptDecrypt(this.role)
    }
    this.function.addEnvironment('TABLE_NAME', table.tableName)
    return this
  }

  /** Grants object access of `mode` on the documents bucket and sets DOCUMENTS_BUCKET. */
  useDocuments(bucket: IBucket, mode: DocumentsAccess): this {
    const bucketArn = bucketArnFor(this, bucket)
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: documentsActions[mode],
        resources: [`${bucketArn.arn}/*`],
      }),
    )
    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::${bucketArn.finding}/*]`,
      'Document object keys are generated per upload at run time (partner prefix + ULID), so ' +
        'object-level S3 permissions must name the bucket\'s objects with "/*"; the actions are ' +
        `limited to ${documentsActions[mode].join(', ')} on this one bucket, and tenancy is ` +
        "enforced by the API, which signs only keys under the caller's partner prefix.",
    )
    if (bucket.encryptionKey) {
      if (mode === 'read') bucket.encryptionKey.grantDecrypt(this.role)
      else bucket.encryptionKey.grantEncryptDecrypt(this.role)
    }
    this.function.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName)
    return this
  }

  /** Grants sending e-mail from `from`'s domain identity through SES and sets MAIL_FROM. */
  useMail(from: string): this {
    const domain = from.split('@')[1]
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain })],
      }),
    )
    this.function.addEnvironment('MAIL_FROM', from)
    return this
  }

  /**
   * Grants signing with the badge key (kms:Sign, kms:GetPublicKey on that key only) and sets
   * BADGE_SIGNING_KEY_ARN and PUBLIC_ORIGIN, the origin the signed credentials name.
   */
  useBadgeSigningKey(key: IKey, publicOrigin: string): this {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [key.keyArn] }),
    )
    this.function.addEnvironment('BADGE_SIGNING_KEY_ARN', key.keyArn)
    this.function.addEnvironment('PUBLIC_ORIGIN', publicOrigin)
    return this
  }

  /**
   * Sets USER_POOL_ID and USER_POOL_CLIENT_ID for the in-code token verifier (aws-jwt-verify
   * fetches the pool's public JWKS: no IAM permission needed). `admin` additionally grants the
   * user-management actions partner-admins and staff use.
   */
  useUserPool(userPool: IUserPool, client: IUserPoolClient, mode: 'verify' | 'admin' = 'verify'): this {
    if (mode === 'admin') {
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: [
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminGetUser',
            'cognito-idp:AdminDisableUser',
            'cognito-idp:AdminEnableUser',
            'cognito-idp:AdminAddUserToGroup',
            'cognito-idp:AdminRemoveUserFromGroup',
            'cognito-idp:AdminListGroupsForUser',
            'cognito-idp:AdminUserGlobalSignOut',
          ],
          resources: [userPool.userPoolArn],
        }),
      )
    }
    this.function.addEnvironment('USER_POOL_ID', userPool.userPoolId)
    this.function.addEnvironment('USER_POOL_CLIENT_ID', client.userPoolClientId)
    return this
  }
}
