import { monotonicFactory } from 'ulid'
import { accessCache } from '../auth/access-cache'
import { UPLOAD_PREFIX } from '../../shared/uploads/rules'
import { memorySigner, type BadgeIssuer } from '../badges/signer'
import type { TokenVerifier } from '../auth/verifier'
import { createDb } from '../data/db'
import { documentRepository } from '../data/documents'
import type { Deps } from '../http/deps'
import { checkUpload, decodeS3Key } from '../uploads/check-upload'
import { s3Links } from '../uploads/presign'
import { s3Objects } from '../uploads/s3-objects'
import type { DocumentStorage } from '../uploads/storage'
import type { Mailer } from '../notifications/mailer'
import { devDirectory } from '../users/directory'
import { devMailbox } from './mailbox'
import { LOCAL_AWS } from './services'

/** The local twin's deps: its one process also runs the upload check, so it holds the bucket's bytes too. */
export type LocalDeps = Deps & { storage: DocumentStorage }

/** Deps for one process against DynamoDB Local and s3rver: the local twin of lambdaDeps(). */
export function localDeps(opts: {
  dynamoEndpoint: string
  table: string
  s3Endpoint: string
  bucket: string
  verifier: TokenVerifier
  /** where notification e-mails go (default: the dev mailbox in the table) and what their links point at */
  mailer?: Mailer
  portalUrl?: string
  /** default: a key in memory, credentials naming http://localhost */
  badges?: BadgeIssuer
}): LocalDeps {
  const db = createDb(opts.table, { endpoint: opts.dynamoEndpoint, ...LOCAL_AWS })
  const newId = monotonicFactory()
  return {
    db,
    verifier: opts.verifier,
    access: accessCache(db),
    clock: { now: () => new Date() },
    newId,
    directory: devDirectory(newId),
    notify: { mailer: opts.mailer ?? devMailbox(db, newId), portalUrl: opts.portalUrl ?? 'http://localhost:3000' },
    storage: {
      ...s3Links({ bucket: opts.bucket, endpoint: opts.s3Endpoint, ...LOCAL_AWS }),
      ...s3Objects(opts.bucket, { endpoint: opts.s3Endpoint, forcePathStyle: true, ...LOCAL_AWS }),
    },
    badges: opts.badges ?? { signer: memorySigner(), origin: 'http://localhost' },
  }
}

interface S3rverEvent {
  Records?: { eventName?: string; s3?: { object?: { key?: string } } }[]
}

/**
 * s3rver's event emitter standing in for the S3 -> Lambda notification (upload prefix only): runs the same
 * upload check the check-upload Lambda runs. `onChecked` lets tests wait for a verdict.
 */
export function uploadCheckListener(deps: LocalDeps, onChecked?: (key: string, verdict: string) => void) {
  const check = { documents: documentRepository(deps.db), storage: deps.storage, clock: deps.clock, newId: deps.newId }
  return (event: unknown) => {
    for (const record of (event as S3rverEvent).Records ?? []) {
      const key = record.s3?.object?.key
      // like the bucket notification in AWS: only the upload prefix, not the check's own copies
      if (!key || !record.eventName?.startsWith('ObjectCreated') || !decodeS3Key(key).startsWith(UPLOAD_PREFIX)) continue
      checkUpload(check, decodeS3Key(key))
        .then((verdict) => onChecked?.(key, verdict))
        .catch((error: unknown) => console.error(`upload check failed for ${key}:`, error))
    }
  }
}
