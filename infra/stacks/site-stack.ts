/**
 * Site: the content of the Web stack's bucket. The SPA fetches `/config.json` to learn how
 * this deployment signs users in (Cognito managed-login domain, client id, redirect URIs), so
 * the content is deployed after Auth: the built front end (`web/dist`, when `npm run build` has
 * produced it) plus that config, then the distribution is invalidated.
 */
import type { StackProps } from 'aws-cdk-lib'
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'
import { acknowledge } from '../nag'
import { bucketArnFor } from '../refs'
import type { SpaRuntimeConfig } from './auth-stack'

export interface SiteStackProps extends StackProps {
  readonly siteBucket: IBucket
  readonly distribution: IDistribution
  readonly spaConfig: SpaRuntimeConfig
  /** The built front end (`web/dist`); when undefined only /config.json is deployed. */
  readonly webAssetsDir?: string
}

export class SiteStack extends PortalStack {
  readonly deployment: BucketDeployment

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props)

    // The site bucket by a stably named ARN export, so the deployment role's IAM5 findings
    // have a stable spelling (see infra/refs.ts).
    const siteArn = bucketArnFor(this, props.siteBucket)
    const destination = Bucket.fromBucketAttributes(this, 'SiteBucket', {
      bucketArn: siteArn.arn,
      bucketName: props.siteBucket.bucketName,
    })

    const sources = [Source.jsonData('config.json', props.spaConfig)]
    if (props.webAssetsDir) sources.unshift(Source.asset(props.webAssetsDir))

    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources,
      destinationBucket: destination,
      distribution: props.distribution,
      distributionPaths: ['/*'],
      // Without a build only config.json is uploaded: then keep whatever SPA is there.
      prune: props.webAssetsDir !== undefined,
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH }),
    })

    this.acknowledgeDeploymentHandler(siteArn.finding)
  }

  /**
   * BucketDeployment's handler is a singleton Lambda provided by aws-cdk-lib, with its role:
   * its code, runtime and policy are not this app's to change.
   */
  private acknowledgeDeploymentHandler(siteArnFinding: string): void {
    const handler = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))
    if (!handler) throw new Error('the BucketDeployment handler was not found')
    const owned =
      'The BucketDeployment custom-resource handler is provided and maintained by aws-cdk-lib ' +
      '(aws-s3-deployment) and runs only during deployments, to copy the built SPA and its ' +
      'config into the site bucket.'
    acknowledge(
      handler,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `${owned} aws-cdk-lib gives its role the AWS managed basic execution policy, which allows writing CloudWatch Logs only.`,
    )
    acknowledge(
      handler,
      'AwsSolutions-L1',
      `${owned} aws-cdk-lib pins its Python runtime together with the AWS CLI layer it bundles, ` +
        'and moves it forward with aws-cdk-lib upgrades.',
    )
    for (const finding of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      `Resource::${siteArnFinding}/*`,
    ]) {
      acknowledge(
        handler,
        `AwsSolutions-IAM5[${finding}]`,
        `${owned} A sync with pruning must read, list, overwrite and delete any object ` +
          '(aws-cdk-lib grants read on the CDK asset bucket and read/write on the destination), ' +
          'and it is limited to exactly those two buckets.',
      )
    }
    acknowledge(
      handler,
      'AwsSolutions-IAM5[Resource::*]',
      `${owned} After the copy it invalidates the distribution: aws-cdk-lib grants ` +
        'cloudfront:CreateInvalidation and GetInvalidation on "*".',
    )
  }
}
