import { createHash } from 'node:crypto'

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
 * | a partner's latest scorecard       | table | `PARTNER#<pid>`           | `SCORECARD`            | GET .../scorecard (staff)        |
 * | a partner's scorecards, by time    | table | `PARTNER#<pid>`           | `SCORECARD#<ulid>`     | GET .../scorecard/history        |
 * | a partner's uploaded document     | table | `PARTNER#<pid>`           | `DOC#<ulid>`           | uploads, S3 upload check         |
 * | a partner's briefings, newest first| table | `PARTNER#<pid>`           | `BRIEFING#<ulid>`      | GET .../briefings, staff feed by partner |
 * | all briefings, newest first        | GSI1  | `BRIEFINGS`               | `<ulid>`               | GET /review/briefings            |
 * | end-of-life briefings not applied  | GSI2  | `EOL#PENDING`             | `<date>#<pid>#<ulid>`  | the EOL job (sparse)             |
 * | briefings awaiting acknowledgement| table | `COUNTER`                 | `BRIEFINGS#FLAGGED`    | staff feed badge                 |
 * | an Idempotency-Key's claim (TTL)  | table | `IDEMPOTENCY#<scope>`     | `<key>`                | create routes that accept it     |
 * | notifications not yet delivered   | table | `OUTBOX#PENDING`          | `<ulid>`               | the notification dispatcher      |
 * | a user's membership                | table | `USER#<sub>`              | `PROFILE`              | identity middleware              |
 * | a user by e-mail                   | GSI1  | `EMAIL#<email>`           | `USER`                 | local dev sign-in, invitations   |
 * | one account per e-mail (claim)     | table | `USEREMAIL#<email>`       | `CLAIM`                | invitations (uniqueness)         |
 * | a partner's users                  | GSI2  | `PARTNER#<pid>#USERS`     | `<email>`              | GET /partners/{pid}/users, notify|
 * | HomeAIQ staff users                | GSI2  | `STAFF#USERS`             | `<email>`              | staff notifications, staff users |
 * | a user's notifications, newest 1st | table | `USER#<sub>`              | `NOTE#<ulid>`          | GET /me/notifications            |
 * | a user's unread notifications      | GSI1  | `UNREAD#<sub>`            | `<ulid>`               | ?unread=true (sparse)            |
 * | a user's unread count              | table | `USER#<sub>`              | `COUNTER#UNREAD`       | the bell in the header           |
 * | a user's e-mail opt-outs           | table | `USER#<sub>`              | `PREFERENCES`          | notification preferences, notify |
 * | e-mails of the local dev mailbox   | table | `DEVMAIL`                 | `<ulid>`               | /dev/mailbox (local only)        |
 * | a partner's audit trail            | table | `PARTNER#<pid>`           | `AUDIT#<ulid>`         | GET /partners/{pid}/audit        |
 * | an entity's audit trail            | GSI1  | `AUDIT#<type>#<id>`       | `<ulid>`               | GET /audit?entity=               |
 * | leads, newest first (staff)       | table | `LEADS`                   | `LEAD#<ulid>`          | GET /review/leads, lead by id    |
 * | a lead's homeowner contact         | table | `LEAD#<ulid>`             | `CONTACT`              | lead detail (staff, accepting partner) |
 * | leads offered to / held by a partner| GSI1 | `PARTNER#<pid>#LEADS`     | `<ulid>`               | GET .../partners/{pid}/leads     |
 * | open offers by expiry (sparse)     | GSI2  | `LEADOFFERS#OPEN`         | `<expiresAt>#<ulid>`   | the lead-offer-expiry job        |
 * | a tier's offer rotation            | table | `LEADROTATION`            | `<tier>`               | distribution (round-robin)       |
 * | an open lead's contact match key   | table | `LEADMATCH#<field>#<sha256>` | `MATCH`             | referral conflict check, duplicates |
 * | referrals, newest first (staff)    | table | `REFERRALS`               | `REFERRAL#<ulid>`      | GET /review/referrals            |
 * | a partner's referrals              | GSI1  | `PARTNER#<pid>#REFERRALS` | `<ulid>`               | GET .../partners/{pid}/referrals |
 * | a partner's MDF funds by period    | table | `PARTNER#<pid>`           | `MDF#FUND#<period>`    | GET .../mdf/funds[/{period}]     |
 * | open funds by closing day (sparse) | GSI1  | `MDF#FUNDS#OPEN`          | `<closesOn>#<pid>#<period>` | the mdf-fund-close job      |
 * | a fund's ledger, oldest first      | table | `PARTNER#<pid>`           | `MDF#LEDGER#<period>#<ulid>` | GET .../funds/{period}/ledger |
 * | a partner's MDF claims, newest first| table | `PARTNER#<pid>`          | `MDF#CLAIM#<ulid>`     | GET .../mdf/claims[/{id}]        |
 * | claims in a status, oldest first   | GSI1  | `MDF#QUEUE#<status>`      | `<submittedAt>#<pid>#<ulid>` | GET /review/mdf-claims     |
 * | a period's claims across partners  | GSI2  | `MDF#PERIOD#<period>`     | `<pid>#<ulid>`         | GET /review/mdf-claims/export    |
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
 * | all MDF funds, by period (dashboard)| GSI2 | `MDF#FUNDS`               | `<period>#<pid>`       | GET /dashboard                   |
 * | a partner's program counters       | table | `PROGRAM#STATS`           | `PARTNER#<pid>`        | dashboards (ADDed in each write) |
 * | every partner's program counters   | table | `PROGRAM#STATS`           | `PARTNER#` prefix      | GET /dashboard (one per partner) |
 * | local demo-data marker             | table | `SEED`                    | `<version>`            | npm start (seed once)            |
 * | readiness probe (never written)    | table | `HEALTH`                  | `PROBE`                | GET /health                      |
 *
 * The directory partition holds one item per active partner (tens, not thousands: the
 * program targets ~60 partners), so category/tier/name filters run as filter expressions
 * on one small Query rather than as more indexes.
 *
 * Dashboards read what the writes maintain: the partner records (tier, status, discount,
 * scorecard), the funds' balances, the active-badge index per program, the product counters
 * (count and last change), and one counter item per partner (`PROGRAM#STATS`, tens of items:
 * leads, open claims, briefings awaiting acknowledgement) ADDed in the same transaction as the
 * change. A page view reads no product, lead, claim or briefing.
 *
 * MDF: the staff queue reads one status partition at a time (claims move between them as they
 * are decided); its partner, period and side filters are filter expressions over that status,
 * bounded like every filtered list (at most SCAN_BUDGET items per request). Open funds leave the
 * closing index when they close.
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

  scorecard: (pid: string) => ({ PK: `PARTNER#${pid}`, SK: 'SCORECARD' }),
  scorecardHistoryEntry: (pid: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `SCORECARD#${id}` }),
  scorecardHistory: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'SCORECARD#' }),

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

  mdfFund: (pid: string, period: string) => ({ PK: `PARTNER#${pid}`, SK: `MDF#FUND#${period}` }),
  mdfFunds: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'MDF#FUND#' }),
  openFundEntry: (closesOn: string, pid: string, period: string) => ({
    gsi1pk: 'MDF#FUNDS#OPEN',
    gsi1sk: `${closesOn}#${pid}#${period}`,
  }),
  /** open funds whose last day is `day` or earlier */
  openFundsClosingBy: (day: string) => ({ index: 'GSI1', pk: 'MDF#FUNDS#OPEN', skAtMost: `${day}#\uffff` }) as const,
  mdfLedgerEntry: (pid: string, period: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `MDF#LEDGER#${period}#${id}` }),
  mdfLedger: (pid: string, period: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: `MDF#LEDGER#${period}#` }),
  mdfClaim: (pid: string, id: string) => ({ PK: `PARTNER#${pid}`, SK: `MDF#CLAIM#${id}` }),
  mdfClaims: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'MDF#CLAIM#' }),
  claimQueueEntry: (status: string, submittedAt: string, pid: string, id: string) => ({
    gsi1pk: `MDF#QUEUE#${status}`,
    gsi1sk: `${submittedAt}#${pid}#${id}`,
  }),
  claimQueue: (status: string) => ({ index: 'GSI1', pk: `MDF#QUEUE#${status}` }) as const,
  fundByPeriodEntry: (period: string, pid: string) => ({ gsi2pk: 'MDF#FUNDS', gsi2sk: `${period}#${pid}` }),
  fundsByPeriod: () => ({ index: 'GSI2', pk: 'MDF#FUNDS' }) as const,
  claimPeriodEntry: (period: string, pid: string, id: string) => ({ gsi2pk: `MDF#PERIOD#${period}`, gsi2sk: `${pid}#${id}` }),
  claimsOfPeriod: (period: string) => ({ index: 'GSI2', pk: `MDF#PERIOD#${period}` }) as const,

  idempotency: (scope: string, key: string) => ({ PK: `IDEMPOTENCY#${scope}`, SK: key }),

  outboxMessage: (id: string) => ({ PK: 'OUTBOX#PENDING', SK: id }),
  pendingOutbox: () => ({ pk: 'OUTBOX#PENDING' }),

  user: (sub: string) => ({ PK: `USER#${sub}`, SK: 'PROFILE' }),
  userByEmailEntry: (email: string) => ({ gsi1pk: `EMAIL#${email.toLowerCase()}`, gsi1sk: 'USER' }),
  userEmailClaim: (email: string) => ({ PK: `USEREMAIL#${email.toLowerCase()}`, SK: 'CLAIM' }),
  userByEmail: (email: string) => ({ index: 'GSI1', pk: `EMAIL#${email.toLowerCase()}`, skBeginsWith: 'USER' }) as const,
  partnerUserEntry: (pid: string, email: string) => ({ gsi2pk: `PARTNER#${pid}#USERS`, gsi2sk: email.toLowerCase() }),
  partnerUsers: (pid: string) => ({ index: 'GSI2', pk: `PARTNER#${pid}#USERS` }) as const,
  staffUserEntry: (email: string) => ({ gsi2pk: 'STAFF#USERS', gsi2sk: email.toLowerCase() }),
  staffUsers: () => ({ index: 'GSI2', pk: 'STAFF#USERS' }) as const,

  inboxItem: (userId: string, messageId: string) => ({ PK: `USER#${userId}`, SK: `NOTE#${messageId}` }),
  inbox: (userId: string) => ({ pk: `USER#${userId}`, skBeginsWith: 'NOTE#' }),
  unreadEntry: (userId: string, messageId: string) => ({ gsi1pk: `UNREAD#${userId}`, gsi1sk: messageId }),
  unread: (userId: string) => ({ index: 'GSI1', pk: `UNREAD#${userId}` }) as const,
  unreadCounter: (userId: string) => ({ PK: `USER#${userId}`, SK: 'COUNTER#UNREAD' }),
  notificationPreferences: (userId: string) => ({ PK: `USER#${userId}`, SK: 'PREFERENCES' }),
  devMail: (id: string) => ({ PK: 'DEVMAIL', SK: id }),
  devMailbox: () => ({ pk: 'DEVMAIL' }),

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
  partnerStats: (pid: string) => ({ PK: 'PROGRAM#STATS', SK: `PARTNER#${pid}` }),
  allPartnerStats: () => ({ pk: 'PROGRAM#STATS', skBeginsWith: 'PARTNER#' }),
  seedMarker: (version: string) => ({ PK: 'SEED', SK: version }),
  healthProbe: () => ({ PK: 'HEALTH', SK: 'PROBE' }),
  partnerAudit: (pid: string) => ({ pk: `PARTNER#${pid}`, skBeginsWith: 'AUDIT#' }),
  auditByEntityEntry: (type: string, id: string, auditId: string) => ({ gsi1pk: `AUDIT#${type}#${id}`, gsi1sk: auditId }),
  auditByEntity: (type: string, id: string) => ({ index: 'GSI1', pk: `AUDIT#${type}#${id}` }) as const,
  lead: (id: string) => ({ PK: 'LEADS', SK: `LEAD#${id}` }),
  leads: () => ({ pk: 'LEADS', skBeginsWith: 'LEAD#' }),
  leadContact: (id: string) => ({ PK: `LEAD#${id}`, SK: 'CONTACT' }),
  partnerLeadEntry: (pid: string, id: string) => ({ gsi1pk: `PARTNER#${pid}#LEADS`, gsi1sk: id }),
  partnerLeads: (pid: string) => ({ index: 'GSI1', pk: `PARTNER#${pid}#LEADS` }) as const,
  openOfferEntry: (expiresAt: string, id: string) => ({ gsi2pk: 'LEADOFFERS#OPEN', gsi2sk: `${expiresAt}#${id}` }),
  /** open offers that lapse at `iso` or earlier */
  openOffersDueBy: (iso: string) => ({ index: 'GSI2', pk: 'LEADOFFERS#OPEN', skAtMost: `${iso}#\uffff` }) as const,
  leadRotation: (tier: string) => ({ PK: 'LEADROTATION', SK: tier }),
  /** hashed, so no homeowner's e-mail, phone or address is ever spelled in a key */
  leadMatch: (field: string, normalized: string) => ({
    PK: `LEADMATCH#${field}#${createHash('sha256').update(normalized).digest('base64url')}`,
    SK: 'MATCH',
  }),
  referral: (id: string) => ({ PK: 'REFERRALS', SK: `REFERRAL#${id}` }),
  referrals: () => ({ pk: 'REFERRALS', skBeginsWith: 'REFERRAL#' }),
  partnerReferralEntry: (pid: string, id: string) => ({ gsi1pk: `PARTNER#${pid}#REFERRALS`, gsi1sk: id }),
  partnerReferrals: (pid: string) => ({ index: 'GSI1', pk: `PARTNER#${pid}#REFERRALS` }) as const,
}

/** Storage-only attributes (keys and what they derive from), stripped before an item becomes a domain object. */
export const STORAGE_ATTRIBUTES = ['PK', 'SK', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', '_type', 'nameKey'] as const
