import { auditEntry } from '../../shared/audit/entry'
import { ledgerEntries } from '../../shared/mdf/ledger'
import { fundClosingNotice } from '../../shared/mdf/notices'
import { addDays, day } from '../../shared/mdf/periods'
import { closingAction, lapseMovements } from '../../shared/mdf/rules'
import { MDF_LIMITS } from '../../shared/mdf/vocabulary'
import { outboxMessage } from '../../shared/notifications/outbox'
import { anonymous } from '../../shared/roles'
import type { Fund } from '../../shared/schemas/mdf'
import type { Db } from '../data/db'
import { MdfWriteRefused, mdfRepository, type MdfWrite } from '../data/mdf'

export interface FundCloseJobDeps {
  db: Db
  clock: { now(): Date }
  newId(): string
}

export interface FundCloseJobResult {
  reminded: number
  closed: number
  lapsedCents: number
}

const SYSTEM = { email: 'system', role: 'system' } as const

/**
 * The unclaimed-funds job. Thirty days before a fund closes, a partner with money left in it is
 * reminded (once: the marker is set in the reminder's own transaction); the day after its last
 * day, what is left lapses through a `lapse` ledger entry and the fund closes (once: conditional
 * on the fund still being open with exactly the balance read, so a claim filed meanwhile makes
 * this run skip it and the next one close it).
 */
export async function closeDueFunds({ db, clock, newId }: FundCloseJobDeps): Promise<FundCloseJobResult> {
  const mdf = mdfRepository(db)
  const now = clock.now()
  const today = day(now)
  const at = now.toISOString()
  const result: FundCloseJobResult = { reminded: 0, closed: 0, lapsedCents: 0 }
  const audit = (fund: Fund, action: string, before: unknown, after: unknown) =>
    auditEntry({
      id: newId(),
      now,
      actor: anonymous,
      partnerId: fund.partnerId,
      entity: { type: 'mdf-fund', id: `${fund.partnerId}/${fund.period}` },
      action,
      before,
      after,
    })
  /** A write another change overtook does nothing now; the next run sees the fund afresh. */
  const attempt = async (write: MdfWrite) => {
    try {
      await mdf.write(write)
      return true
    } catch (error) {
      if (error instanceof MdfWriteRefused) return false
      throw error
    }
  }

  let cursor: string | undefined
  do {
    const page = await mdf.fundsClosingBy(addDays(today, MDF_LIMITS.remindDaysBeforeClose), cursor)
    for (const fund of page.items) {
      const action = closingAction(fund, today)
      if (action === 'remind') {
        const reminded = await attempt({
          partnerId: fund.partnerId,
          fund: { period: fund.period, movements: [], expect: { closed: false, reminded: false }, set: { reminderSentAt: at } },
          entries: [],
          audit: audit(fund, 'mdf.fund.reminder-sent', null, { reminderSentAt: at, availableCents: fund.availableCents }),
          notice: outboxMessage({ id: newId(), now, ...fundClosingNotice(fund) }),
        })
        if (reminded) result.reminded++
      } else if (action === 'close') {
        const movements = lapseMovements(fund)
        const closed = await attempt({
          partnerId: fund.partnerId,
          fund: {
            period: fund.period,
            movements,
            expect: { closed: false, availableCents: fund.availableCents },
            set: { closedAt: at, updatedAt: at },
            close: true,
          },
          entries: ledgerEntries(movements, { partnerId: fund.partnerId, period: fund.period, now, by: SYSTEM, newId }),
          audit: audit(
            fund,
            'mdf.fund.closed',
            { availableCents: fund.availableCents },
            { closedAt: at, lapsedCents: fund.availableCents },
          ),
        })
        if (closed) {
          result.closed++
          result.lapsedCents += fund.availableCents
        }
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return result
}
