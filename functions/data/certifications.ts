import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { programOrder } from '../../shared/certifications/rules'
import { APPLICATION_STATUS_LABELS, AWAITING_REVIEW, type ApplicationStatus } from '../../shared/certifications/vocabulary'
import { ConflictError, NotFoundError, StaleVersionError } from '../../shared/errors'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import type { Application, Program } from '../../shared/schemas/certification'
import type { PartnerApplicationQuery, ReviewQueueQuery } from '../../shared/schemas/certification-input'
import { auditPut } from './audit'
import type { Db } from './db'
import { filterOf, queryPage, stripKeys } from './db'
import { IdempotencyKeyTaken } from './idempotency'
import { keys } from './keys'
import { outboxPut } from './outbox'
import { transactWrite, type TransactItem } from './transact'

/** The review queue's two partitions: waiting for HomeAIQ, and everything else that left the partner's drafts. */
const bucketOf = (status: ApplicationStatus) => (AWAITING_REVIEW.includes(status) ? 'open' : 'closed')

export const programRepository = (db: Db) => ({
  async get(id: string): Promise<Program | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.certProgram(id) }))
    return out.Item ? stripKeys<Program>(out.Item) : undefined
  },

  async require(id: string): Promise<Program> {
    const program = await this.get(id)
    if (!program) throw new NotFoundError(`No certification program ${id}.`)
    return program
  },

  /** Every program (a handful), integration before installation, by level. */
  async list(): Promise<Program[]> {
    const page = await queryPage<Program>(db, { ...keys.certPrograms(), limit: 100 })
    return page.items.sort(programOrder)
  },

  /** Creates the program, or replaces it when nobody changed it since `expectedVersion` (null: must be new). */
  async write(program: Program, expectedVersion: number | null, audit: AuditEntry): Promise<void> {
    await transactWrite(
      db,
      [
        {
          Put: {
            TableName: db.table,
            Item: { ...keys.certProgram(program.id), _type: 'certification-program', ...program },
            ...(expectedVersion === null
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
          },
        },
        auditPut(db, audit),
      ],
      () =>
        expectedVersion === null
          ? new ConflictError(`A program with id ${program.id} exists already.`)
          : new StaleVersionError(`Program ${program.id} changed since version ${expectedVersion}; reload and retry.`),
    )
  },
})
export type ProgramRepository = ReturnType<typeof programRepository>

function applicationItem(app: Application) {
  return {
    ...keys.certApplication(app.partnerId, app.id),
    // drafts are the partner's own: they reach the staff queue once submitted
    ...(app.submittedAt ? keys.certQueueEntry(bucketOf(app.status), app.submittedAt, app.id) : {}),
    _type: 'certification-application',
    ...app,
  }
}

/** What else a state change writes in its transaction. */
export interface ApplicationChange {
  audit: AuditEntry
  /** the application leaves the open set (approved, rejected): its program is free to apply for again */
  closes?: boolean
  /** the badge's own actions (issue or renew), written with the decision */
  also?: TransactItem[]
  notice?: OutboxMessage
}

export const applicationRepository = (db: Db) => ({
  async get(pid: string, id: string): Promise<Application | undefined> {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.certApplication(pid, id), ConsistentRead: true }),
    )
    return out.Item ? stripKeys<Application>(out.Item) : undefined
  },

  async require(pid: string, id: string): Promise<Application> {
    const app = await this.get(pid, id)
    if (!app) throw new NotFoundError('No such certification application.')
    return app
  },

  /**
   * A new application with the partner's one open slot for its program, in one transaction:
   * the slot's condition refuses a second open application even when two race.
   */
  async create(app: Application, audit: AuditEntry, claim?: TransactItem): Promise<void> {
    const lead = claim ? [claim] : []
    await transactWrite(
      db,
      [
        ...lead,
        {
          Put: {
            TableName: db.table,
            Item: { ...keys.certOpenApplication(app.partnerId, app.programId), applicationId: app.id },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        { Put: { TableName: db.table, Item: applicationItem(app), ConditionExpression: 'attribute_not_exists(PK)' } },
        auditPut(db, audit),
      ],
      (failed) => {
        if (claim && failed === 0) return new IdempotencyKeyTaken()
        if (failed === lead.length) {
          return new ConflictError(
            `You have an open application for ${app.programName} already: continue that one instead of starting another.`,
          )
        }
        return new ConflictError(`Application ${app.id} exists already.`)
      },
    )
  },

  /**
   * Writes a state change, conditional on the version and state it was read in: a change that
   * lost a race is refused with a 409 naming the state the application is in now.
   */
  async save(next: Application, read: Application, change: ApplicationChange): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.table,
          Item: applicationItem(next),
          ConditionExpression: 'version = :version AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':version': read.version, ':status': read.status },
        },
      },
      ...(change.closes
        ? [
            {
              Delete: {
                TableName: db.table,
                Key: keys.certOpenApplication(read.partnerId, read.programId),
                ConditionExpression: 'applicationId = :id',
                ExpressionAttributeValues: { ':id': read.id },
              },
            },
          ]
        : []),
      ...(change.also ?? []),
      auditPut(db, change.audit),
      ...(change.notice ? [outboxPut(db, change.notice)] : []),
    ]
    await transactWrite(db, items, (failed) =>
      failed === 0
        ? new LostRace()
        : new ConflictError('Something this change depends on changed meanwhile; reload and try again.'),
    ).catch(async (error: unknown) => {
      if (!(error instanceof LostRace)) throw error
      const now = await this.get(read.partnerId, read.id)
      throw new ConflictError(
        `Someone else changed this application meanwhile: it is ${APPLICATION_STATUS_LABELS[now?.status ?? read.status].toLowerCase()} now.`,
      )
    })
  },

  /** The partner's applications, newest first. */
  listForPartner: (pid: string, query: PartnerApplicationQuery) =>
    queryPage<Application>(db, {
      ...keys.certApplications(pid),
      ascending: false,
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf([{ attribute: 'status', op: '=', value: query.status }]),
    }),

  /** The staff queue, oldest submission first: awaiting review unless a status is asked for. */
  queue: (query: ReviewQueueQuery) =>
    queryPage<Application>(db, {
      ...keys.certQueue(query.status ? bucketOf(query.status) : 'open'),
      ascending: true,
      limit: query.limit,
      cursor: query.cursor,
      filter: filterOf([
        { attribute: 'status', op: '=', value: query.status },
        { attribute: 'programId', op: '=', value: query.programId },
        { attribute: 'partnerId', op: '=', value: query.partnerId },
      ]),
    }),
})
export type ApplicationRepository = ReturnType<typeof applicationRepository>

class LostRace extends Error {}
