import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { SignatureV4 } from '@smithy/signature-v4'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { UnavailableError } from '../../shared/errors'
import { asUnavailable } from '../../functions/data/faults'
import { Sha256 } from '../../functions/runtime/sha256'
import { cognitoApi } from '../../functions/users/cognito-api'
import { cognitoDirectory } from '../../functions/users/directory'

/**
 * The users function calls Cognito with requests it signs itself (functions/users/cognito-api.ts)
 * instead of the SDK's client. A stand-in server records what arrives and checks each request's
 * SigV4 signature against the bytes it received; the SDK's own client (a dev dependency, for
 * this test only) sends the same operations to it, to compare the two.
 */
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjE+session/token==',
}
const region = 'us-east-1'

interface Received {
  target: string
  contentType: string
  body: unknown
  signatureValid: boolean
  securityToken: string | undefined
}

let received: Received[] = []
let answer: (target: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} })

async function signatureValid(req: IncomingMessage, body: string, port: number) {
  const auth = String(req.headers.authorization ?? '')
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(';') ?? []
  const amzDate = String(req.headers['x-amz-date'])
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
  const headers = Object.fromEntries(signedHeaders.map((name) => [name, String(req.headers[name])]))
  const signer = new SignatureV4({ service: 'cognito-idp', region, credentials, sha256: Sha256 })
  const expected = await signer.sign(
    { method: req.method!, protocol: 'http:', hostname: '127.0.0.1', port, path: req.url!, query: {}, headers, body },
    { signingDate },
  )
  return expected.headers.authorization === auth
}

const server = createServer(async (req, res) => {
  let body = ''
  for await (const chunk of req) body += chunk
  const target = String(req.headers['x-amz-target']).replace('AWSCognitoIdentityProviderService.', '')
  received.push({
    target,
    contentType: String(req.headers['content-type']),
    body: JSON.parse(body),
    signatureValid: await signatureValid(req, body, (server.address() as AddressInfo).port),
    securityToken: req.headers['x-amz-security-token'] as string | undefined,
  })
  const { status, body: out } = answer(target)
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(out))
})
let endpoint = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  received = []
  answer = () => ({ status: 200, body: {} })
})

const created = { User: { Username: 'dana@lutron.com', Attributes: [{ Name: 'sub', Value: 'sub-0001' }] } }

describe('Cognito calls signed by the portal', () => {
  it('invites as the SDK would: the same operations and bodies, signed for what was sent', async () => {
    answer = (target) => ({ status: 200, body: target === 'AdminCreateUser' ? created : {} })
    const directory = cognitoDirectory('us-east-1_Pool', cognitoApi({ region, endpoint, credentials }))
    await expect(directory.invite({ email: 'dana@lutron.com', name: 'Dana Ruiz', role: 'partner-rep' })).resolves.toEqual({
      userId: 'sub-0001',
    })
    await directory.disable({ userId: 'sub-0001', email: 'dana@lutron.com' })
    const ours = received
    expect(ours.map((r) => r.target)).toEqual(['AdminCreateUser', 'AdminAddUserToGroup', 'AdminDisableUser', 'AdminUserGlobalSignOut'])
    for (const r of ours) expect(r).toMatchObject({ signatureValid: true, securityToken: credentials.sessionToken })

    received = []
    const sdk = new CognitoIdentityProviderClient({ region, endpoint, credentials })
    await sdk.send(
      new AdminCreateUserCommand({
        UserPoolId: 'us-east-1_Pool',
        Username: 'dana@lutron.com',
        UserAttributes: [
          { Name: 'email', Value: 'dana@lutron.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Dana Ruiz' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    )
    await sdk.send(new AdminDisableUserCommand({ UserPoolId: 'us-east-1_Pool', Username: 'dana@lutron.com' }))
    const theirs = received
    // the stand-in's check holds for the SDK's own requests too
    for (const r of theirs) expect(r.signatureValid).toBe(true)
    for (const [i, j] of [
      [0, 0],
      [2, 1],
    ] as const) {
      expect(ours[i]).toMatchObject({ target: theirs[j]!.target, contentType: theirs[j]!.contentType, body: theirs[j]!.body })
    }
  })

  it('throws Cognito’s refusal by name, and a fault on its side as one to retry later', async () => {
    const call = cognitoApi({ region, endpoint, credentials })
    answer = () => ({ status: 400, body: { __type: 'UsernameExistsException', message: 'User account already exists' } })
    const refused = await call('AdminCreateUser', { UserPoolId: 'p', Username: 'dana@lutron.com' }).catch((e: Error) => e)
    expect(refused).toMatchObject({ name: 'UsernameExistsException', $fault: 'client', $metadata: { httpStatusCode: 400 } })
    expect(asUnavailable(refused)).toBeUndefined()

    answer = () => ({ status: 500, body: { __type: 'com.amazonaws.cognito#InternalErrorException', message: 'oops' } })
    const fault = await call('AdminDisableUser', { UserPoolId: 'p', Username: 'dana@lutron.com' }).catch((e: Error) => e)
    expect(fault).toMatchObject({ name: 'InternalErrorException', $fault: 'server' })
    expect(asUnavailable(fault)).toBeInstanceOf(UnavailableError)
  })
})
