/**
 * The parts of the KMS SDK the badge signer uses, in one module `signer.ts` imports lazily: a
 * dynamic import of the SDK package itself would keep every one of its commands.
 */
export { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms'
