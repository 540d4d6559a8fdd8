import { startPortal } from './portal'
import { LocalSetupError } from './services'

/** `npm start`: the portal with demo data on http://localhost:$PORT (default 3000). */
const port = Number(process.env.PORT ?? 3000)
const started = Date.now()
console.log('Starting the HomeAIQ Partner Portal (DynamoDB Local, S3 stand-in, web build)…')

try {
  const portal = await startPortal({ port, ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}) })
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${portal.url}`)
  console.log('Sign in as staff@homeaiq.example, admin@lutron.example or rep@lutron.example (any partner id works).')
  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    console.log('Stopping…')
    await portal.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
} catch (error) {
  console.error(error instanceof LocalSetupError ? error.message : `The portal could not start: ${String(error)}`)
  process.exit(1)
}
