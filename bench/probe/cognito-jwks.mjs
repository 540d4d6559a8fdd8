// Loaded with --import by every cold process (the floor's too): the Cognito JWKS a function
// fetches on its first signed-in request is served by the bench's local key server instead,
// over the same https.request call aws-jwt-verify makes.
import http from 'node:http'
import https from 'node:https'
import { syncBuiltinESMExports } from 'node:module'

const local = process.env.BENCH_JWKS_URL
if (local) {
  const request = https.request
  https.request = function (uri, ...rest) {
    if (String(uri).startsWith('https://cognito-idp.')) return http.request(local, ...rest)
    return request.call(this, uri, ...rest)
  }
  syncBuiltinESMExports()
}
