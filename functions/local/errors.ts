/** A local setup problem the user can fix; `npm start` prints its message alone, without a stack. */
export class LocalSetupError extends Error {}

export const JAVA_MISSING =
  'Java 17+ is needed for DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless`) and retry.'
