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
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications'
import type { Construct } from 'constructs'
import type { EventFunction } from '../../functions/domains'
import { UPLOAD_PREFIX } from '../../shared/uploads/rules'
import { PortalFunction } from '../constructs/portal-function'
import { acknowledge } from '../nag'
import { bucketArnFor } from '../refs'
import { PortalStack } from './portal-stack'

export interface EventsStackProps extends StackProps {
  readonly functions: readonly EventFunction[]
  readonly table: ITableV2
  readonly tableIndexNames: readonly string[]
  readonly documentsBucket: IBucket
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
      this.functions.set(row.name, fn)

      const trigger = row.trigger
      switch (trigger.kind) {
        case 'document-uploaded':
          this.notifyOnUpload(fn)
          break
        case 'schedule':
          this.rules.set(
            row.name,
            new Rule(this, `Schedule-${row.name}`, {
              description: `Runs the ${row.name} job`,
              schedule: Schedule.expression(trigger.expression),
              targets: [new LambdaFunction(fn.function, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
            }),
          )
          break
        default: {
          const unknown: never = trigger
          throw new Error(`unknown trigger ${JSON.stringify(unknown)}`)
        }
      }
    }
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
