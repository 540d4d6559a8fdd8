import { byName } from '../format'
import { ConflictError, RuleViolationError, ValidationError } from '../errors'
import type { SignedInActor } from '../roles'
import type { Application, Badge, Evidence, HistoryEntry, Program } from '../schemas/certification'
import type {
  ApplicationInput,
  ApplicationUpdate,
  DecisionInput,
  ProgramCreate,
  ProgramFields,
} from '../schemas/certification-input'
import type { PortalDocument } from '../schemas/document'
import {
  APPLICATION_STATUS_LABELS,
  BADGE_STATUS_LABELS,
  EXPIRY_REMINDER_DAYS,
  LEVEL_LABELS,
  OPEN_STATUSES,
  PROGRAM_LEVELS,
  PROGRAM_TRACKS,
  type ApplicationStatus,
  type BadgeStatus,
} from './vocabulary'

/* ---------- programs ---------- */

export function newProgram(input: ProgramCreate, now: Date): Program {
  const at = now.toISOString()
  return { ...input, version: 1, createdAt: at, updatedAt: at }
}

export function replaceProgram(current: Program, fields: ProgramFields, now: Date): Program {
  return { ...current, ...fields, version: current.version + 1, updatedAt: now.toISOString() }
}

/** Integration before installation, then Standard, Enhanced, Deep. */
export const programOrder = (a: Program, b: Program) =>
  PROGRAM_TRACKS.indexOf(a.track) - PROGRAM_TRACKS.indexOf(b.track) ||
  PROGRAM_LEVELS.indexOf(a.level) - PROGRAM_LEVELS.indexOf(b.level) ||
  byName(a.name, b.name)

export const programLabel = (p: Pick<Program, 'name' | 'level'>) => `${p.name} (${LEVEL_LABELS[p.level]})`

/* ---------- the application's state machine ---------- */

/**
 * Every legal move. A staff decision on a submitted application passes through `in-review`
 * (see `decide`); `approved` and `rejected` are final: a partner applies again instead.
 */
export const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted'],
  submitted: ['in-review'],
  'in-review': ['approved', 'rejected', 'changes-requested'],
  'changes-requested': ['submitted'],
  approved: [],
  rejected: [],
}

export const canMove = (from: ApplicationStatus, to: ApplicationStatus) => TRANSITIONS[from].includes(to)

const WHAT: Partial<Record<ApplicationStatus, string>> = {
  submitted: 'submitted',
  'in-review': 'taken into review',
  approved: 'approved',
  rejected: 'rejected',
  'changes-requested': 'sent back for changes',
}

/** Refuses an illegal move with a 409 that names the current state. */
export function assertMove(from: ApplicationStatus, to: ApplicationStatus): void {
  if (canMove(from, to)) return
  throw new ConflictError(
    `This application is ${APPLICATION_STATUS_LABELS[from].toLowerCase()}, so it cannot be ${WHAT[to] ?? to} now.`,
  )
}

export const isOpen = (status: ApplicationStatus) => OPEN_STATUSES.includes(status)

const step = (status: ApplicationStatus, actor: SignedInActor, now: Date, reason?: string): HistoryEntry => ({
  status,
  at: now.toISOString(),
  by: actor.email,
  byRole: actor.role,
  ...(reason ? { reason } : {}),
})

const evidenceOf = (docs: PortalDocument[]): Evidence[] =>
  docs.map((d) => ({ documentId: d.id, filename: d.filename, contentType: d.contentType, size: d.size }))

/** A program of named products needs SKUs; one of the whole partner takes none. */
export function assertScope(program: Pick<Program, 'scope' | 'name'>, skus: string[]): void {
  if (program.scope === 'partner' && skus.length > 0) {
    throw new ValidationError([{ field: 'skus', message: `${program.name} certifies the whole partner: name no SKUs.` }])
  }
  if (program.scope === 'skus' && skus.length === 0) {
    throw new RuleViolationError(`${program.name} certifies named products.`, [
      { field: 'skus', message: 'Name at least one SKU of your catalog to certify.' },
    ])
  }
}

function assertSubmittable(evidence: Evidence[]): void {
  if (evidence.length === 0) {
    throw new RuleViolationError('An application needs evidence before it can be submitted.', [
      { field: 'evidenceDocumentIds', message: 'Attach at least one evidence document.' },
    ])
  }
}

interface ApplyContext {
  id: string
  partnerName: string
  partnerId: string
  program: Program
  evidence: PortalDocument[]
  actor: SignedInActor
  now: Date
}

/** A new application: submitted at once, or kept as a draft when the partner asks. */
export function newApplication(input: ApplicationInput, ctx: ApplyContext): Application {
  assertScope(ctx.program, input.skus)
  const evidence = evidenceOf(ctx.evidence)
  if (!input.draft) assertSubmittable(evidence)
  const at = ctx.now.toISOString()
  const history = [step(input.draft ? 'draft' : 'submitted', ctx.actor, ctx.now)]
  return {
    id: ctx.id,
    partnerId: ctx.partnerId,
    partnerName: ctx.partnerName,
    programId: ctx.program.id,
    programName: ctx.program.name,
    status: input.draft ? 'draft' : 'submitted',
    evidence,
    notes: input.notes,
    skus: input.skus,
    history,
    ...(input.draft ? {} : { submittedAt: at }),
    version: 1,
    createdAt: at,
    updatedAt: at,
  }
}

/** A draft, or an application staff sent back, edited by the partner; `submit` sends it (again). */
export function editApplication(
  app: Application,
  update: ApplicationUpdate,
  ctx: Pick<ApplyContext, 'program' | 'evidence' | 'actor' | 'now'>,
): Application {
  if (app.status !== 'draft' && app.status !== 'changes-requested') {
    throw new ConflictError(
      `This application is ${APPLICATION_STATUS_LABELS[app.status].toLowerCase()}: only a draft or an application with changes requested can be edited.`,
    )
  }
  assertScope(ctx.program, update.skus)
  const evidence = evidenceOf(ctx.evidence)
  const edited: Application = {
    ...app,
    evidence,
    notes: update.notes,
    skus: update.skus,
    version: app.version + 1,
    updatedAt: ctx.now.toISOString(),
  }
  if (!update.submit) return edited
  assertMove(app.status, 'submitted')
  assertSubmittable(evidence)
  return {
    ...edited,
    status: 'submitted',
    submittedAt: ctx.now.toISOString(),
    history: [...app.history, step('submitted', ctx.actor, ctx.now)],
  }
}

/** Staff take a submitted application into review, so the partner sees someone is on it. */
export function openReview(app: Application, actor: SignedInActor, now: Date): Application {
  assertMove(app.status, 'in-review')
  return { ...app, status: 'in-review', history: [...app.history, step('in-review', actor, now)], ...touched(app, now) }
}

const OUTCOME: Record<DecisionInput['decision'], ApplicationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  'request-changes': 'changes-requested',
}

/** A staff decision; on a submitted application the review opens implicitly first (both steps in the timeline). */
export function decide(app: Application, input: DecisionInput, actor: SignedInActor, now: Date, badgeId?: string): Application {
  const reviewing = app.status === 'submitted' ? openReview(app, actor, now) : app
  const outcome = OUTCOME[input.decision]
  assertMove(reviewing.status, outcome)
  const reason = input.reason || undefined
  return {
    ...reviewing,
    status: outcome,
    history: [...reviewing.history, step(outcome, actor, now, reason)],
    decidedAt: now.toISOString(),
    ...(reason ? { decisionReason: reason } : {}),
    ...(badgeId ? { badgeId } : {}),
    ...touched(app, now),
  }
}

const touched = (app: Application, now: Date) => ({ version: app.version + 1, updatedAt: now.toISOString() })

/* ---------- badges ---------- */

/** The same day `months` later; the last day of the month when it has no such day (Jan 31 + 1 = Feb 28/29). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime())
  const day = target.getUTCDate()
  target.setUTCDate(1)
  target.setUTCMonth(target.getUTCMonth() + months)
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target
}

export function issueBadge(ctx: {
  id: string
  application: Application
  program: Program
  statusListIndex: number
  now: Date
}): Badge {
  const { application: app, program, now } = ctx
  return {
    id: ctx.id,
    partnerId: app.partnerId,
    partnerName: app.partnerName,
    programId: program.id,
    programName: program.name,
    status: 'active',
    issuedAt: now.toISOString(),
    expiresAt: addMonths(now, program.validityMonths).toISOString(),
    skus: app.skus,
    applicationId: app.id,
    statusListIndex: ctx.statusListIndex,
    version: 1,
  }
}

/**
 * An approved re-application while the badge is active extends the same badge: a full period
 * from today, never shorter than what it had (so renewing early loses nothing and stacks nothing).
 * The SKUs become those of the re-application.
 */
export function renewBadge(badge: Badge, ctx: { application: Application; program: Program; now: Date }): Badge {
  if (effectiveStatus(badge, ctx.now) !== 'active')
    throw new ConflictError(`This badge is ${badge.status}: it cannot be renewed.`)
  const extended = addMonths(ctx.now, ctx.program.validityMonths).toISOString()
  return {
    ...badge,
    expiresAt: extended > badge.expiresAt ? extended : badge.expiresAt,
    skus: ctx.application.skus,
    applicationId: ctx.application.id,
    programName: ctx.program.name,
    renewedAt: ctx.now.toISOString(),
    version: badge.version + 1,
  }
}

/** Revocation is staff's, with a reason the public verification page shows; a revoked badge stays revoked. */
export function revokeBadge(badge: Badge, reason: string, actor: SignedInActor, now: Date): Badge {
  if (badge.status === 'revoked') throw new ConflictError('This badge is revoked already.')
  return {
    ...badge,
    status: 'revoked',
    revokedAt: now.toISOString(),
    revocationReason: reason,
    revokedBy: actor.email,
    version: badge.version + 1,
  }
}

/** The expiry job's change: an active badge whose time is up becomes expired; anything else stays. */
export function expireBadge(badge: Badge, now: Date): Badge | undefined {
  if (badge.status !== 'active' || badge.expiresAt > now.toISOString()) return undefined
  return { ...badge, status: 'expired', expiredAt: now.toISOString(), version: badge.version + 1 }
}

/** What a badge is at `now`: an active one past its expiry reads as expired before the job marks it. */
export function effectiveStatus(badge: Pick<Badge, 'status' | 'expiresAt'>, now: Date): BadgeStatus {
  return badge.status === 'active' && badge.expiresAt <= now.toISOString() ? 'expired' : badge.status
}

export const badgeStatusLabel = (badge: Pick<Badge, 'status' | 'expiresAt'>, now: Date) =>
  BADGE_STATUS_LABELS[effectiveStatus(badge, now)]

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Which expiry reminder is due: the tightest threshold (60, 30 or 7 days) the badge is within
 * and that was not sent yet, with every due threshold to mark as sent (a badge first seen 5 days
 * out gets one 7-day reminder, never three). Undefined when nothing is due or the badge expired.
 */
export function reminderDue(
  expiresAt: string,
  now: Date,
  sent: readonly number[],
): { days: (typeof EXPIRY_REMINDER_DAYS)[number]; mark: number[] } | undefined {
  const left = new Date(expiresAt).getTime() - now.getTime()
  if (left <= 0) return undefined
  const due = EXPIRY_REMINDER_DAYS.filter((d) => left <= d * DAY_MS)
  const unsent = due.filter((d) => !sent.includes(d))
  const tightest = due.at(-1)
  if (tightest === undefined || !unsent.includes(tightest)) return undefined
  return { days: tightest, mark: unsent }
}

/** Whole days until `expiresAt`, rounded up (for "expires in 7 days"). */
export const daysLeft = (expiresAt: string, now: Date) => Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS)
