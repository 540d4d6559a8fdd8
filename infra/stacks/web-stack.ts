/**
 * Web: the SPA bucket behind CloudFront, and `/api/*` on the same distribution forwarded to the
 * HTTP API, so the browser sees one origin (no CORS for the API, one set of security headers).
 * The bucket's content (the built SPA and its /config.json) is deployed by the Site stack,
 * which comes after Auth because /config.json names the Cognito client.
 */
import { Aws, CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { StackProps } from 'aws-cdk-lib'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  SSLMethod,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import {
  contentSecurityPolicy as webContentSecurityPolicy,
  EXTRA_WEB_HEADERS,
  FRAME_OPTIONS,
  HSTS_MAX_AGE_DAYS,
  REFERRER_POLICY,
} from '../../shared/web-security-headers'
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'
import { acknowledge } from '../nag'

export interface WebStackProps extends StackProps {
  /** Host name of the HTTP API (`<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiDomainName: string
  /** A CLOUDFRONT-scoped WAFv2 web ACL ARN (it must live in us-east-1). */
  readonly webAclArn?: string
  /** A custom domain with its ACM certificate (in us-east-1) for the distribution. */
  readonly customDomain?: { domainName: string; certificateArn: string }
}

/**
 * Viewer-request function of the SPA behaviour: a path whose last segment has no file
 * extension is a client-side route, served by /index.html. (Distribution-wide custom error
 * responses would also rewrite the API's own 403/404 problem+json answers into index.html.)
 */
export const spaRewriteCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`

/**
 * Viewer-request function of the `/.well-known/*` behaviour: the API serves the badge issuer's
 * JWK Set at /api/v1/.well-known/jwks.json; verifiers look for it at the site root.
 */
export const wellKnownRewriteCode = `function handler(event) {
  var request = event.request;
  request.uri = '/api/v1' + request.uri;
  return request;
}`

export class WebStack extends PortalStack {
  readonly siteBucket: Bucket
  readonly logsBucket: Bucket
  readonly distribution: Distribution
  /** `https://...` origins the browser uses: the distribution's and the custom domain's. */
  readonly webOrigins: string[]

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props)

    // CloudFront standard logging writes with an ACL grant: this bucket keeps ACLs enabled.
    this.logsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    })

    this.siteBucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    })

    const region = Aws.REGION
    const contentSecurityPolicy = webContentSecurityPolicy({
      storage: [`https://*.s3.${region}.amazonaws.com`, 'https://*.s3.amazonaws.com'],
      identity: [`https://*.auth.${region}.amazoncognito.com`, `https://cognito-idp.${region}.amazonaws.com`],
      signIn: [`https://*.auth.${region}.amazoncognito.com`],
    })

    const webHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HomeAIQ portal SPA security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption[FRAME_OPTIONS], override: true },
        referrerPolicy: { referrerPolicy: REFERRER_POLICY as HeadersReferrerPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(HSTS_MAX_AGE_DAYS),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(EXTRA_WEB_HEADERS).map(([header, value]) => ({ header, value, override: true })),
      },
    })

    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      comment: 'Serve /index.html for client-side routes',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(spaRewriteCode),
    })

    const wellKnownRewrite = new CloudFrontFunction(this, 'WellKnownRewrite', {
      comment: 'Serve /.well-known/* from the API (/api/v1/.well-known/*)',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(wellKnownRewriteCode),
    })
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    })

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'HomeAIQ Partner Portal',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // TLS policy and SNI only mean something with a certificate of our own.
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            sslSupportMethod: SSLMethod.SNI,
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
          compress: true,
        },
        '/.well-known/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
          compress: true,
          functionAssociations: [{ function: wellKnownRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    })

    this.webOrigins = [
      ...(props.customDomain ? [`https://${props.customDomain.domainName}`] : []),
      `https://${this.distribution.distributionDomainName}`,
    ]

    if (!props.customDomain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'No custom domain is configured yet, so viewers use the default *.cloudfront.net ' +
          'certificate, whose security policy CloudFront fixes at TLSv1 whatever is requested. ' +
          'Passing `customDomain` (with an ACM certificate) to this stack sets TLS_V1_2_2021 ' +
          'with SNI and removes this acknowledgement.',
      )
    }
    if (!props.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'A CLOUDFRONT-scoped WAFv2 web ACL must be created in us-east-1, while this app is ' +
          "environment-agnostic and deploys to the account's default region; the API applies " +
          'its own stage throttling meanwhile. Pass `webAclArn` to attach one.',
      )
    }
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Partners are hardware manufacturers operating worldwide and HomeAIQ staff travel; the ' +
        'program has no legal or commercial reason to block any country.',
    )

    new CfnOutput(this, 'WebUrl', { value: this.webOrigins[0] ?? '' })
  }
}
