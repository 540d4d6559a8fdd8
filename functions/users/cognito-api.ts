import { SignatureV4 } from '@smithy/signature-v4'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { Sha256 } from '../runtime/sha256'

/**
 * Cognito's admin operations as the SDK sends them — a POST of JSON (AWS JSON 1.1) naming the
 * operation in X-Amz-Target, signed with SigV4 by @smithy/signature-v4, which every bundle
 * already carries for DynamoDB — so the users function does not carry the Cognito client
 * (about 100 KB its cold start would compile, for the two routes that invite and remove).
 * A refusal throws an error named for Cognito's exception (`UsernameExistsException`), with
 * `$fault` and `$metadata.httpStatusCode` as the SDK's errors have them (functions/data/faults.ts
 * reads those).
 */
export interface CognitoLocation {
  region: string
  /** a stand-in's address (tests); Cognito's regional endpoint otherwise */
  endpoint?: string | undefined
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider
}

export type CognitoCall = <T = Record<string, unknown>>(operation: string, input: Record<string, unknown>) => Promise<T>

export function cognitoApi(location: CognitoLocation): CognitoCall {
  const url = new URL(location.endpoint ?? `https://cognito-idp.${location.region}.amazonaws.com/`)
  const signer = new SignatureV4({
    service: 'cognito-idp',
    region: location.region,
    credentials: location.credentials,
    sha256: Sha256,
  })
  return async <T>(operation: string, input: Record<string, unknown>) => {
    const body = JSON.stringify(input)
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query: {},
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body,
    })
    const { host: _host, ...headers } = signed.headers
    const res = await fetch(url, { method: 'POST', headers, body })
    const text = await res.text()
    const answer = text ? (JSON.parse(text) as Record<string, unknown>) : {}
    if (!res.ok) throw cognitoError(res.status, answer)
    return answer as T
  }
}

function cognitoError(status: number, answer: Record<string, unknown>) {
  const type = typeof answer.__type === 'string' ? answer.__type : 'UnknownError'
  const name = type.slice(type.lastIndexOf('#') + 1)
  const message = typeof answer.message === 'string' ? answer.message : typeof answer.Message === 'string' ? answer.Message : name
  return Object.assign(new Error(`Cognito ${name}: ${message}`), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  })
}
