import type { Role } from '../../shared/roles'
import type { CognitoCall } from './cognito-api'

/**
 * Where people sign in: Cognito in AWS, the dev identity provider locally. The portal's own
 * membership record (functions/data/users.ts) is what grants access; the directory only lets
 * the person sign in (invite) or stops them (disable).
 */
export interface UserDirectory {
  /** creates the sign-in for a new user and answers their id (the token's `sub`) */
  invite(person: { email: string; name: string; role: Role }): Promise<{ userId: string }>
  /** stops the user from signing in again and signs them out everywhere */
  disable(user: { userId: string; email: string }): Promise<void>
}

/** Locally: ids of our own, and nothing to disable (the membership record is the whole truth). */
export const devDirectory = (newId: () => string): UserDirectory => ({
  invite: async () => ({ userId: `dev-${newId().toLowerCase()}` }),
  disable: async () => undefined,
})

/** AWS: AdminCreateUser (Cognito e-mails the invitation), the role's group, AdminDisableUser + global sign-out. */
export function cognitoDirectory(userPoolId: string, cognito: CognitoCall): UserDirectory {
  return {
    async invite({ email, name, role }) {
      const created = await cognito<{ User?: { Attributes?: { Name: string; Value?: string }[] } }>('AdminCreateUser', {
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: name },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      })
      await cognito('AdminAddUserToGroup', { UserPoolId: userPoolId, Username: email, GroupName: role })
      const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value
      if (!sub) throw new Error('Cognito created the user without a sub')
      return { userId: sub }
    },
    async disable({ email }) {
      await cognito('AdminDisableUser', { UserPoolId: userPoolId, Username: email })
      await cognito('AdminUserGlobalSignOut', { UserPoolId: userPoolId, Username: email })
    },
  }
}
