/**
 * The parts of the Cognito SDK the user directory uses, in one module `directory.ts` imports
 * lazily: a dynamic import of the SDK package itself would keep every one of its commands.
 */
export {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
