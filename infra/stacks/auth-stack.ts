/**
 * Auth: the Cognito user pool of portal users (staff and partner users; no self sign-up:
 * staff and partner-admins invite users), its role groups, and the SPA's public app client
 * (authorization code + PKCE, no secret) on a managed-login domain.
 * Partner membership is NOT a user attribute: the API keeps it server-side (DESIGN.md §6).
 */
import { Aws, CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib'
import { ACCESS_TOKEN_MINUTES } from '../../functions/auth/token-rules'
import type { StackProps } from 'aws-cdk-lib'
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito'
import type { Construct } from 'constructs'
import { PortalStack } from './portal-stack'
import { acknowledge } from '../nag'

/** The role groups, in precedence order (lowest number wins when a user is in several). */
export const portalGroups = [
  { groupName: 'staff', description: 'HomeAIQ partnership team: everything across partners' },
  { groupName: 'partner-admin', description: "A manufacturer's lead contact: their partner's listing and users" },
  { groupName: 'partner-rep', description: "A manufacturer's employee: work on their own partner only" },
] as const

/** Paths of the SPA the managed login redirects back to (web/src/auth). */
export const authCallbackPath = '/sign-in/callback'
export const authSignOutPath = '/'
export const authScopes = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE]

/** `/config.json` of the SPA in AWS (web/src/api/types.ts `RuntimeConfig`). */
export interface SpaRuntimeConfig {
  auth: {
    mode: 'cognito'
    domain: string
    clientId: string
    redirectUri: string
    scopes: string
    logoutUri: string
  }
}

export interface AuthStackProps extends StackProps {
  /** The portal's browser origins (e.g. `https://d123.cloudfront.net`), for OAuth redirects. */
  readonly webOrigins: string[]
  /** Managed-login domain prefix. @default `homeaiq-portal-<account id>` */
  readonly domainPrefix?: string
}

export class AuthStack extends PortalStack {
  readonly userPool: UserPool
  readonly webClient: UserPoolClient
  readonly domain: UserPoolDomain
  readonly groups: UserPoolGroup[]
  /** What the SPA needs to sign users in, served as its /config.json by the Site stack. */
  readonly spaConfig: SpaRuntimeConfig

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props)

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Threat protection needs the Cognito Plus feature plan (billed per monthly active user). ' +
        'The portal is invitation-only (no self sign-up), requires TOTP MFA for every user and ' +
        'a 12-character complex password, which covers the credential-stuffing risk Plus ' +
        'mitigates; revisit if partner user counts or the threat model grow.',
    )

    this.groups = portalGroups.map(
      (group, i) =>
        new UserPoolGroup(this, `Group-${group.groupName}`, {
          userPool: this.userPool,
          groupName: group.groupName,
          description: group.description,
          precedence: i * 10,
        }),
    )

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'portal-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: authScopes,
        callbackUrls: props.webOrigins.map((origin) => `${origin}${authCallbackPath}`),
        logoutUrls: props.webOrigins.map((origin) => `${origin}${authSignOutPath}`),
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(ACCESS_TOKEN_MINUTES),
      idTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(7),
    })

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `homeaiq-portal-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    })
    // The newer managed login shows nothing for a client without a branding style.
    new CfnManagedLoginBranding(this, 'WebClientBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.webClient.userPoolClientId,
      useCognitoProvidedValues: true,
    })

    const origin = props.webOrigins[0]
    if (!origin) throw new Error('AuthStack needs at least one web origin')
    this.spaConfig = {
      auth: {
        mode: 'cognito',
        domain: this.domain.baseUrl(),
        clientId: this.webClient.userPoolClientId,
        redirectUri: `${origin}${authCallbackPath}`,
        scopes: authScopes.map((scope) => scope.scopeName).join(' '),
        logoutUri: `${origin}${authSignOutPath}`,
      },
    }

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId })
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId })
    new CfnOutput(this, 'LoginDomain', { value: this.domain.baseUrl() })
  }
}
