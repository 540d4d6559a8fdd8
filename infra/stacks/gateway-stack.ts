/**
 * Gateway: the HTTP API itself, its `$default` stage (no stage segment in the path), access
 * logs and default route throttling. The routes and their Lambdas are added by the Api stack.
 *
 * Why the HTTP API is not in the Api stack: CloudFront (Web stack) needs the API's endpoint as
 * an origin, while the Cognito app client (callback URLs) and the documents bucket (CORS) need
 * CloudFront's domain, and the Lambdas need the app client id and the bucket name. At resource
 * level this is no cycle (the API resource does not depend on its routes), but at stack level
 * it is one unless the API resource sits in a stack before Web:
 *   Gateway -> Web -> (Data, Auth) -> Api (functions + routes on the Gateway's API).
 */
import { CfnOutput, Fn } from 'aws-cdk-lib'
import type { StackProps } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'

export interface GatewayStackProps extends StackProps {
  /** Default route throttling of the `$default` stage. @default 50 rps, burst 100 */
  readonly throttle?: { rateLimit: number; burstLimit: number }
}

export class GatewayStack extends PortalStack {
  readonly httpApi: HttpApi
  readonly stage: HttpStage
  readonly accessLogs: LogGroup
  /** The API's host name (`<id>.execute-api.<region>.amazonaws.com`), CloudFront's origin. */
  readonly apiDomainName: string

  constructor(scope: Construct, id: string, props: GatewayStackProps = {}) {
    super(scope, id, props)

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${this.stackName}-http`,
      description: 'HomeAIQ Partner Portal API (served to browsers through CloudFront under /api/*)',
      createDefaultStage: false,
    })

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR })

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            error: '$context.error.message',
          }),
        ),
      },
    })

    // apiEndpoint is `https://<id>.execute-api.<region>.<suffix>`: keep the host.
    this.apiDomainName = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint))

    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint })
  }
}
