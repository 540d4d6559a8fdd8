/**
 * Events: one PortalFunction per row of functions/domains.ts `eventFunctions`, wired to its
 * trigger: S3 ObjectCreated notifications of the documents bucket (the upload check) or an
 * EventBridge schedule (jobs). Like the Api stack, nothing here is per-domain.
 */
import { Duration } from 'aws-cdk-lib'
import type { StackProps } from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets'
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { EventSourceMapping, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda'
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications'
import type { Construct } from 'constructs'
import type { EventFunction } from '../../functions/domains'
import { UPLOAD_PREFIX } from '../../shared/uploads/rules'
import { PortalFunction } from '../constructs/portal-function'
import { acknowledge } from '../nag'
import { bucketArnFor, tableArnFor } from '../refs'
import { PortalStack } from './portal-stack'

export interface EventsStackProps extends StackProps {
  readonly functions: readonly EventFunction[]
  readonly table: ITableV2
  readonly tableIndexNames: readonly string[]
  readonly documentsBucket: IBucket
  /** the address links in e-mails point at, e.g. https://partners.homeaiq.example */
  readonly portalUrl: string
  /** the sender of notification e-mails (its domain must be a verified SES identity) */
  readonly mailFrom: string
}

export class EventsStack extends PortalStack {
  readonly functions: Map<string, PortalFunction> = new Map()
  readonly rules: Map<string, Rule> = new Map()
  private readonly documentsBucket: IBucket
  private documentsForNotifications?: IBucket

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props)
    this.documentsBucket = props.documentsBucket

    for (const row of props.functions) {
      if (!/^[a-z][a-z0-9-]*$/.test(row.name)) throw new Error(`event function name "${row.name}" must be kebab-case`)
      if (this.functions.has(row.name)) throw new Error(`event function "${row.name}" is listed twice`)

      const fn = new PortalFunction(this, `Fn-${row.name}`, {
        entry: row.entry,
        description: `HomeAIQ portal: ${row.name} (${row.trigger.kind})`,
        timeout: Duration.seconds(60),
      }).useTable(props.table, row.table, props.tableIndexNames)
      if (row.documents) fn.useDocuments(props.documentsBucket, row.documents)
      if (row.mail) fn.useMail(props.mailFrom).function.addEnvironment('PORTAL_URL', props.portalUrl)
      this.functions.set(row.name, fn)

      const trigger = row.trigger
      switch (trigger.kind) {
        case 'document-uploaded':
          this.notifyOnUpload(fn)
          break
        case 'schedule':
          this.schedule(row.name, fn, trigger.expression)
          break
        case 'outbox':
          this.schedule(row.name, fn, trigger.expression)
          this.wakeOnOutbox(row.name, fn, props.table)
          break
        default: {
          const unknown: never = trigger
          throw new Error(`unknown trigger ${JSON.stringify(unknown)}`)
        }
      }
    }
  }

  private schedule(name: string, fn: PortalFunction, expression: string): void {
    this.rules.set(
      name,
      new Rule(this, `Schedule-${name}`, {
        description: `Runs the ${name} job`,
        schedule: Schedule.expression(expression),
        targets: [new LambdaFunction(fn.function, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
      }),
    )
  }

  /** Invokes `fn` when a message is written to the notification outbox: the table's stream, filtered to outbox inserts. */
  private wakeOnOutbox(name: string, fn: PortalFunction, table: ITableV2): void {
    if (!table.tableStreamArn) throw new Error('the table has no stream for the outbox dispatcher')
    new EventSourceMapping(this, `Outbox-${name}`, {
      target: fn.function,
      eventSourceArn: table.tableStreamArn,
      startingPosition: StartingPosition.LATEST,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(1),
      retryAttempts: 2,
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { _type: { S: FilterRule.isEqual('outbox') } } },
        }),
      ],
    })
    const tableArn = tableArnFor(this, table)
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources: [`${tableArn.arn}/stream/*`],
      }),
    )
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::${tableArn.finding}/stream/*]`,
      'A DynamoDB stream ARN ends in its creation timestamp, which changes when the stream is re-enabled; the ' +
        'dispatcher may read only the streams of the portal table, with the four read actions Lambda polling needs.',
    )
  }

  /**
   * Invokes `fn` for every object created under the documents bucket's upload prefix. The bucket is imported into
   * this stack: S3 notifications are bucket configuration, and on a bucket of another stack CDK
   * would add them in THAT stack (Data), which would then depend on these functions while they
   * depend on it. On an imported bucket CDK configures them from this stack, merging with (not
   * replacing) the bucket's other notification settings.
   */
  private notifyOnUpload(fn: PortalFunction): void {
    const first = !this.documentsForNotifications
    this.documentsForNotifications ??= Bucket.fromBucketAttributes(this, 'DocumentsBucket', {
      bucketArn: bucketArnFor(this, this.documentsBucket).arn,
      bucketName: this.documentsBucket.bucketName,
    })
    // only the upload prefix: the check's own copies (CHECKED_PREFIX) must not trigger it again
    this.documentsForNotifications.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.function), {
      prefix: UPLOAD_PREFIX,
    })
    if (first) this.acknowledgeNotificationsHandler()
  }

  private acknowledgeNotificationsHandler(): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'))
    if (!handler) throw new Error('the S3 bucket notifications handler was not found')
    const owned =
      'The S3 bucket-notifications custom-resource handler is provided and maintained by ' +
      'aws-cdk-lib (aws-s3) and runs only during deployments, to add the upload-check ' +
      'notification to the documents bucket.'
    acknowledge(
      handler,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `${owned} aws-cdk-lib gives its role the AWS managed basic execution policy, which allows writing CloudWatch Logs only.`,
    )
  }
}
