// One cold Lambda container: import the bundle, serve one event, then the same event warm.
// Prints one JSON line: init = import + first invocation (ms), the epoch ms at which the warm
// invocation starts (the DynamoDB proxy splits its log there), and both results' status codes.
const [bundle, eventFile] = process.argv.slice(2)
const { readFileSync } = await import('node:fs')
const event = JSON.parse(readFileSync(eventFile, 'utf8'))
const context = {
  awsRequestId: 'bench-request',
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 10_000,
}
const started = performance.now()
const { handler } = await import(bundle)
const imported = performance.now()
const first = await handler(structuredClone(event), context)
const served = performance.now()
const warmAt = performance.timeOrigin + performance.now()
const warmStarted = performance.now()
const second = await handler(structuredClone(event), context)
const warmMs = performance.now() - warmStarted
const status = (r) => (r && typeof r === 'object' && 'statusCode' in r ? r.statusCode : 200)
console.log(
  JSON.stringify({
    importMs: imported - started,
    initMs: served - started,
    warmMs,
    warmAt,
    status: status(first),
    warmStatus: status(second),
  }),
)
process.exit(0)
