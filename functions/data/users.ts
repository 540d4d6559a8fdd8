import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { PortalUser } from '../../shared/schemas/user'
import type { Db } from './db'
import { queryPage, stripKeys } from './db'
import { keys } from './keys'

/**
 * Portal users and their partner membership. The partner a user belongs to lives here,
 * server-side, never in a token claim the user could influence (DESIGN section 6).
 */
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

  async put(user: PortalUser): Promise<void> {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.user(user.userId),
          ...keys.userByEmailEntry(user.email),
          ...(user.partnerId ? keys.partnerUserEntry(user.partnerId, user.email) : keys.staffUserEntry(user.email)),
          _type: 'user',
          ...user,
        },
      }),
    )
  },
})

export type UserRepository = ReturnType<typeof userRepository>
