import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { ConflictError, NotFoundError } from '../../shared/errors'
import type { PortalUser } from '../../shared/schemas/user'
import { auditPut } from './audit'
import { transactWrite } from './transact'
import type { Db } from './db'
import { queryPage, stripKeys } from './db'
import { keys } from './keys'

/**
 * Portal users and their partner membership. The partner a user belongs to lives here,
 * server-side, never in a token claim the user could influence (DESIGN section 6).
 */
const toItem = (user: PortalUser) => ({
  ...keys.user(user.userId),
  ...keys.userByEmailEntry(user.email),
  ...(user.partnerId ? keys.partnerUserEntry(user.partnerId, user.email) : keys.staffUserEntry(user.email)),
  _type: 'user',
  ...user,
})

export const userRepository = (db: Db) => ({
  async get(userId: string): Promise<PortalUser | undefined> {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(userId) }))
    return out.Item ? stripKeys<PortalUser>(out.Item) : undefined
  },

  async findByEmail(email: string): Promise<PortalUser | undefined> {
    return (await queryPage<PortalUser>(db, { ...keys.userByEmail(email), limit: 1 })).items[0]
  },

  /** A partner's users, by e-mail (a handful: no paging needed beyond the first 100). */
  listForPartner: async (pid: string) => (await queryPage<PortalUser>(db, { ...keys.partnerUsers(pid), limit: 100 })).items,

  listStaff: async () => (await queryPage<PortalUser>(db, { ...keys.staffUsers(), limit: 100 })).items,

  /** Writes a membership as it is (the demo seed); `create` is the checked way in. */
  async put(user: PortalUser): Promise<void> {
    await db.doc.send(new PutCommand({ TableName: db.table, Item: toItem(user) }))
    await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.userEmailClaim(user.email), userId: user.userId } }))
  },

  /** A new member: one account per e-mail address, even when two invitations race. */
  async create(user: PortalUser, audit: AuditEntry): Promise<void> {
    await transactWrite(
      db,
      [
        { Put: { TableName: db.table, Item: toItem(user), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Put: {
            TableName: db.table,
            Item: { ...keys.userEmailClaim(user.email), userId: user.userId },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        auditPut(db, audit),
      ],
      () => new ConflictError(`${user.email} already has an account in the portal.`),
    )
  },

  /**
   * Removes a member. Removing an admin needs `keeper`, another admin of the same partner who
   * must still be one when the removal happens: two admins removing each other at once cannot
   * leave the partner without one.
   */
  async remove(user: PortalUser, audit: AuditEntry, keeper?: PortalUser): Promise<void> {
    await transactWrite(
      db,
      [
        { Delete: { TableName: db.table, Key: keys.user(user.userId), ConditionExpression: 'attribute_exists(PK)' } },
        { Delete: { TableName: db.table, Key: keys.userEmailClaim(user.email) } },
        ...(keeper
          ? [
              {
                ConditionCheck: {
                  TableName: db.table,
                  Key: keys.user(keeper.userId),
                  ConditionExpression: '#role = :admin AND partnerId = :pid',
                  ExpressionAttributeNames: { '#role': 'role' },
                  ExpressionAttributeValues: { ':admin': 'partner-admin', ':pid': user.partnerId },
                },
              },
            ]
          : []),
        auditPut(db, audit),
      ],
      (failed) =>
        failed === 0
          ? new NotFoundError('This user was removed already.')
          : new ConflictError('A partner keeps at least one admin: invite or promote another admin first.'),
    )
  },
})

export type UserRepository = ReturnType<typeof userRepository>
