// One warm Lambda container behind a loopback socket: each POST body is an event, the answer
// is what the handler returned. Prints the port once listening.
import http from 'node:http'

const { handler } = await import(process.argv[2])
const context = {
  awsRequestId: 'bench-load',
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  getRemainingTimeInMillis: () => 10_000,
}
const server = http.createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', async () => {
    const result = await handler(JSON.parse(Buffer.concat(chunks).toString('utf8')), context)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(result))
  })
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.stdin.on('end', () => process.exit(0)).resume()
