/**
 * The only file that spells key strings. Access patterns of the single table
 * (see ./table.ts for the index definitions):
 *
 * | access pattern                     | index | PK                        | SK                     | used by                          |
 * | ---------------------------------- | ----- | ------------------------- | ---------------------- | -------------------------------- |
 * | a partner's profile                | table | `PARTNER#<pid>`           | `PROFILE`              | GET/PATCH /partners/{pid}        |
 * | active partners by name (sparse)   | GSI1  | `DIRECTORY`               | `<nameKey>#<pid>`      | GET /directory (filters on it)   |
 * | all partners by name (staff)       | GSI2  | `PARTNERS`                | `<nameKey>#<pid>`      | GET /partners                    |
 * | a partner's products by SKU        | table | `PARTNER#<pid>`           | `PRODUCT#<sku>`        | GET .../products, export         |
 * | a product's price history          | table | `PARTNER#<pid>`           | `PRICE#<sku>#<ulid>`   | GET .../products/{sku}/prices    |
 * | a partner's product count (cap)    | table | `PARTNER#<pid>`           | `COUNTER#PRODUCTS`     | product create/import/delete     |
 * | a partner's uploaded document     | table | `PARTNER#<pid>`           | `DOC#<ulid>`           | uploads, S3 upload check         |
 * | a partner's briefings, newest first| table | `PARTNER#<pid>`           | `BRIEFING#<ulid>`      | GET .../briefings, staff feed by partner |
 * | all briefings, newest first        | GSI1  | `BRIEFINGS`               | `<ulid>`               | GET /review/briefings            |
 * | end-of-life briefings not applied  | GSI2  | `EOL#PENDING`             | `<date>#<pid>#<ulid>`  | the EOL job (sparse)             |
 * | briefings awaiting acknowledgement| table | `COUNTER`                 | `BRIEFINGS#FLAGGED`    | staff feed badge                 |
 * | an Idempotency-Key's claim (TTL)  | table | `IDEMPOTENCY#<scope>`     | `<key>`                | create routes that accept it     |
 * | notifications not yet delivered   | table | `OUTBOX#PENDING`          | `<ulid>`               | the notification dispatcher      |
 * | a user's membership                | table | `USER#<sub>`              | `PROFILE`              | identity middleware              |
 * | a user by e-mail                   | GSI1  | `EMAIL#<email>`           | `USER`                 | local dev sign-in                |
 * | a partner's users                  | GSI2  | `PARTNER#<pid>#USERS`     | `<email>`              | GET /partners/{pid}/users        |
 * | a partner's audit trail            | table | `PARTNER#<pid>`           | `AUDIT#<ulid>`         | GET /partners/{pid}/audit        |
 * | an entity's audit trail            | GSI1  | `AUDIT#<type>#<id>`       | `<ulid>`               | GET /audit?entity=               |
 * | certification programs            | table | `CERTPROGRAMS`            | `PROGRAM#<programId>`  | GET/PUT /certification-programs  |
 * | a partner's applications, newest  | table | `PARTNER#<pid>`           | `CERTAPP#<ulid>`       | GET .../certifications           |
 * | review queue, oldest first        | GSI1  | `CERTQUEUE#<open|closed>` | `<submittedAt>#<ulid>` | GET /review/certifications       |
 * | one open application per program  | table | `PARTNER#<pid>`           | `CERTOPEN#<programId>` | apply (uniqueness, in the write) |
 * | a badge by its id                 | table | `BADGE#<badgeId>`         | `BADGE`                | public badge routes, revoke      |
 * | a partner's badges                | GSI2  | `PARTNER#<pid>#BADGES`    | `<programId>#<issuedAt>`| GET .../badges, public profile  |
 * | active badges of a program (sparse)| GSI1 | `CERTIFIED#<programId>`   | `<pid>`                | GET /directory?certification=    |
 * | a partner's active badge per program| table| `PARTNER#<pid>`          | `BADGELINE#<programId>`| approve: issue or renew (unique) |
 * | active badges by expiry           | table | `BADGES#EXPIRING`         | `<expiresAt>#<badgeId>`| the badge-expiry job             |
 * | expiry reminders sent (markers)   | table | `BADGE#<badgeId>`         | `REMINDER#<expiresAt>#<days>` | the badge-expiry job (once each) |
 * | revoked status-list entries       | table | `BADGESTATUS#<list>`      | `REVOKED#<index>`      | GET /badge-status/{list}         |
 * | next status-list index            | table | `COUNTER`                 | `BADGES#STATUSINDEX`   | approve: issue                   |
 * | local demo-data marker             | table | `SEED`                    | `<version>`            | npm start (seed once)            |
 * | readiness probe (never written)    | table | `HEALTH`                  | `PROBE`                | GET /health                      |
 *
 * The directory partition holds one item per active partner (tens, not thousands: the
 * program targets ~60 partners), so category/tier/name filters run as filter expressions
 * on one small Query rather than as more indexes.
 */
export const keys = {
  partner: (pid: string) => ({ PK: `PARTNER#${pid}`, SK: 'PROFILE' }),
  directoryEntry: (nameKey: string, pid: string) => ({ gsi1pk: 'DIRECTORY', gsi1sk: `${nameKey}#${pid}` }),
  directory: () => ({ index: 'GSI1', pk: 'DIRECTORY' }) as const,
  partnerListEntry: (nameKey: string, pid: string) => ({ gsi2pk: 'PARTNERS', gsi2sk: `${nameKey}#${pid}` }),
  partnerList: () => ({ index: 'GSI2', pk: 'PARTNERS' }) as const,

  product: (pid: string, sku: string) => ({ PK: `PARTNER#${pid}`, SK: `PRODUCT#${sku}` }),
  products: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'PRODUCT#' }),
  productCounter: (pid: string) => ({ PK: `PARTNER#${pid}`, SK: 'COUNTER#PRODUCTS' }),
  pricePoint: (pid: string, sku: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `PRICE#${sku}#${id}` }),
  priceHistory: (pid: string, sku: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: `PRICE#${sku}#` }),

  document: (pid: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `DOC#${id}` }),

  briefing: (pid: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `BRIEFING#${id}` }),
  partnerBriefings: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'BRIEFING#' }),
  briefingFeedEntry: (id: string) => ({ gsi1pk: 'BRIEFINGS', gsi1sk: id }),
  briefingFeed: () => ({ index: 'GSI1', pk: 'BRIEFINGS' }) as const,
  pendingEolEntry: (effectiveDate: string, pid: string, id: string) => ({
    gsi2pk: 'EOL#PENDING',
    gsi2sk: `${effectiveDate}#${pid}#${id}`,
  }),
  flaggedBriefingsCounter: () => ({ PK: 'COUNTER', SK: 'BRIEFINGS#FLAGGED' }),
  /** end-of-life briefings whose effective date is `today` or earlier */
  pendingEolDueBy: (today: string) => ({ index: 'GSI2', pk: 'EOL#PENDING', skAtMost: `${today}#\uffff` }) as const,

  idempotency: (scope: string, key: string) => ({ PK: `IDEMPOTENCY#${scope}`, SK: key }),

  outboxMessage: (id: string) => ({ PK: 'OUTBOX#PENDING', SK: id }),
  pendingOutbox: () => ({ pk: 'OUTBOX#PENDING' }),

  user: (sub: string) => ({ PK: `USER#${sub}`, SK: 'PROFILE' }),
  userByEmailEntry: (email: string) => ({ gsi1pk: `EMAIL#${email.toLowerCase()}`, gsi1sk: 'USER' }),
  userByEmail: (email: string) => ({ index: 'GSI1', pk: `EMAIL#${email.toLowerCase()}`, skBeginsWith: 'USER' }) as const,
  partnerUserEntry: (pid: string, email: string) => ({ gsi2pk: `PARTNER#${pid}#USERS`, gsi2sk: email.toLowerCase() }),

  certProgram: (id: string) => ({ PK: 'CERTPROGRAMS', SK: `PROGRAM#${id}` }),
  certPrograms: () => ({ pk: 'CERTPROGRAMS', skBeginsWith: 'PROGRAM#' }),
  certApplication: (pid: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `CERTAPP#${id}` }),
  certApplications: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'CERTAPP#' }),
  certQueueEntry: (bucket: 'open' | 'closed', submittedAt: string, id: string) => ({
    gsi1pk: `CERTQUEUE#${bucket}`,
    gsi1sk: `${submittedAt}#${id}`,
  }),
  certQueue: (bucket: 'open' | 'closed') => ({ index: 'GSI1', pk: `CERTQUEUE#${bucket}` }) as const,
  certOpenApplication: (pid: string, programId: string) => ({ PK: `PARTNER#${pid}`, SK: `CERTOPEN#${programId}` }),
  badge: (id: string) => ({ PK: `BADGE#${id}`, SK: 'BADGE' }),
  partnerBadgeEntry: (pid: string, programId: string, issuedAt: string) => ({
    gsi2pk: `PARTNER#${pid}#BADGES`,
    gsi2sk: `${programId}#${issuedAt}`,
  }),
  partnerBadges: (pid: string) => ({ index: 'GSI2', pk: `PARTNER#${pid}#BADGES` }) as const,
  certifiedEntry: (programId: string, pid: string) => ({ gsi1pk: `CERTIFIED#${programId}`, gsi1sk: pid }),
  certified: (programId: string) => ({ index: 'GSI1', pk: `CERTIFIED#${programId}` }) as const,
  badgeLine: (pid: string, programId: string) => ({ PK: `PARTNER#${pid}`, SK: `BADGELINE#${programId}` }),
  badgeExpiry: (expiresAt: string, id: string) => ({ PK: 'BADGES#EXPIRING', SK: `${expiresAt}#${id}` }),
  /** active badges expiring at or before `until` (an ISO time) */
  badgesExpiringBy: (until: string) => ({ pk: 'BADGES#EXPIRING', skAtMost: `${until}#\uffff` }),
  badgeReminder: (id: string, expiresAt: string, days: number) => ({ PK: `BADGE#${id}`, SK: `REMINDER#${expiresAt}#${days}` }),
  badgeReminders: (id: string, expiresAt: string) => ({ pk: `BADGE#${id}`, skBeginsWith: `REMINDER#${expiresAt}#` }),
  revokedStatusEntry: (list: number, index: number) => ({
    PK: `BADGESTATUS#${list}`,
    SK: `REVOKED#${String(index).padStart(9, '0')}`,
  }),
  revokedStatusEntries: (list: number) => ({ pk: `BADGESTATUS#${list}`, skBeginsWith: 'REVOKED#' }),
  badgeStatusCounter: () => ({ PK: 'COUNTER', SK: 'BADGES#STATUSINDEX' }),

  audit: (pid: string, auditId: string) => ({ PK: `PARTNER#${pid}`, SK: `AUDIT#${auditId}` }),
  seedMarker: (version: string) => ({ PK: 'SEED', SK: version }),
  healthProbe: () => ({ PK: 'HEALTH', SK: 'PROBE' }),
  partnerAudit: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'AUDIT#' }),
  auditByEntityEntry: (type: string, id: string, auditId: string) => ({ gsi1pk: `AUDIT#${type}#${id}`, gsi1sk: auditId }),
  auditByEntity: (type: string, id: string) => ({ index: 'GSI1', pk: `AUDIT#${type}#${id}` }) as const,
}

/** Storage-only attributes (keys and what they derive from), stripped before an item becomes a domain object. */
export const STORAGE_ATTRIBUTES = ['PK', 'SK', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', '_type', 'nameKey'] as const
