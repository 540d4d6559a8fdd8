import middy from '@middy/core'
import type { S3Event } from 'aws-lambda'
import { monotonicFactory } from 'ulid'
import { documentRepository } from '../data/documents'
import { createDb } from '../data/db'
import { requiredEnv } from '../env-vars'
import { checkUpload, decodeS3Key } from './check-upload'
import { s3Objects } from './s3-objects'

const deps = {
  documents: documentRepository(createDb(requiredEnv('TABLE_NAME'))),
  storage: s3Objects(requiredEnv('DOCUMENTS_BUCKET')),
  clock: { now: () => new Date() },
  newId: monotonicFactory(),
}

/** S3 ObjectCreated events of the documents bucket's upload prefix: check each upload before it can be used. */
export const handler = middy(async (event: S3Event) => {
  for (const record of event.Records) {
    const verdict = await checkUpload(deps, decodeS3Key(record.s3.object.key))
    console.log(JSON.stringify({ level: 'info', key: record.s3.object.key, verdict }))
  }
})
