import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../shared/briefings/markdown'
import { newBriefing } from '../../shared/briefings/new-briefing'
import { ackNotice } from '../../shared/briefings/notice'
import { reviseBriefing } from '../../shared/briefings/revision'
import { redactBriefing } from '../../shared/briefings/view'
import { eolDue, isFlagged } from '../../shared/briefings/rules'
import { requiresAck } from '../../shared/briefings/vocabulary'
import { RuleViolationError } from '../../shared/errors'
import { BriefingInput, BriefingRevisionInput } from '../../shared/schemas/briefing-input'

const actor = { kind: 'partner', role: 'partner-rep', userId: 'u', email: 'rep@lutron.example', partnerId: 'lutron' } as const
const ctx = {
  id: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ',
  partnerId: 'lutron',
  partnerName: 'Lutron',
  actor,
  now: new Date('2026-11-25T10:00:00Z'),
  attachments: [],
}
const input = (o: Record<string, unknown> = {}) =>
  BriefingInput.parse({ kind: 'firmware', title: 'Firmware', body: 'x', effectiveDate: '2026-12-01', ...o })

describe('renderMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /<img/i],
    ['[x](javascript:alert(1))', /href="javascript:/i],
    ['[x](JaVaScRiPt:alert(1))', /href="javascript:/i],
    ['[x](vbscript:msgbox)', /href="vbscript:/i],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', /href="data:/i],
    ['<a href="https://x.example" onclick="steal()">x</a>', /<a [^>]*onclick/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ])('neutralises %s', (source, forbidden) => {
    expect(renderMarkdown(source)).not.toMatch(forbidden)
  })

  it('renders ordinary Markdown with safe links', () => {
    const html = renderMarkdown('## Notes\n\n- **bold** item\n\nSee https://lutron.example')
    expect(html).toContain('<h2>Notes</h2>')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<a href="https://lutron.example" rel="noopener noreferrer nofollow">')
  })
})

describe('briefing rules', () => {
  it('flags safety notices and end-of-life until acknowledged', () => {
    expect(requiresAck('safety-notice')).toBe(true)
    expect(requiresAck('end-of-life')).toBe(true)
    expect(requiresAck('roadmap')).toBe(false)
    const notice = newBriefing(input({ kind: 'safety-notice' }), ctx)
    expect(isFlagged(notice)).toBe(true)
    expect(isFlagged({ ...notice, acknowledgements: [{ userId: 's', email: 's', at: ctx.now.toISOString() }] })).toBe(false)
  })

  it('asks product-specific kinds for SKUs', () => {
    expect(() => newBriefing(input({ kind: 'price-change' }), ctx)).toThrow(RuleViolationError)
    expect(newBriefing(input({ kind: 'price-change', skus: ['a-1'] }), ctx).skus).toEqual(['A-1'])
  })

  it('knows when an end-of-life briefing is due', () => {
    const eol = newBriefing(input({ kind: 'end-of-life', skus: ['A'], effectiveDate: '2026-12-15' }), ctx)
    expect(eolDue(eol, '2026-12-14')).toBe(false)
    expect(eolDue(eol, '2026-12-15')).toBe(true)
    expect(eolDue({ ...eol, eolAppliedAt: '2026-12-15T00:00:00Z' }, '2026-12-16')).toBe(false)
    expect(eolDue(newBriefing(input(), ctx), '2027-01-01')).toBe(false)
  })
})

describe('correcting a briefing', () => {
  const staff = { kind: 'staff', role: 'staff', userId: 's1', email: 'ops@homeaiq.example' } as const
  const later = { actor, now: new Date('2026-11-26T08:00:00Z'), attachments: [] }
  const correction = (b: ReturnType<typeof newBriefing>, o: Record<string, unknown> = {}) =>
    BriefingRevisionInput.parse({
      title: b.title,
      body: b.body,
      skus: b.skus,
      effectiveDate: b.effectiveDate,
      note: 'Fixed the lot range',
      ...o,
    })
  const acknowledged = (b: ReturnType<typeof newBriefing>) => ({
    ...b,
    acknowledgements: [{ userId: 's1', email: staff.email, at: ctx.now.toISOString(), version: 1 }],
    ackedBy: ['s1'],
  })

  it('makes the next version with the note, and sets a notice’s acknowledgements aside', () => {
    const notice = acknowledged(newBriefing(input({ kind: 'safety-notice', body: 'Lots 1-4' }), ctx))
    const { briefing, reflagged } = reviseBriefing(notice, correction(notice, { body: 'Lots **1-6**' }), later)
    expect(briefing).toMatchObject({ version: 2, body: 'Lots **1-6**', acknowledgements: [], ackedBy: [] })
    expect(briefing.bodyHtml).toContain('<strong>1-6</strong>')
    expect(briefing.revisions).toEqual([
      {
        version: 2,
        note: 'Fixed the lot range',
        at: later.now.toISOString(),
        by: actor.email,
        byRole: 'partner-rep',
        acknowledgementsCleared: 1,
      },
    ])
    expect(reflagged).toBe(true)
    expect(isFlagged(briefing)).toBe(true)
    // a second correction before anyone acknowledged again does not count it twice
    const again = reviseBriefing(briefing, correction(briefing, { title: 'Recall, corrected' }), later)
    expect(again).toMatchObject({ reflagged: false, briefing: { version: 3 } })
  })

  it('keeps the acknowledgements of kinds that need none', () => {
    const firmware = newBriefing(input(), ctx)
    const { briefing, reflagged } = reviseBriefing(firmware, correction(firmware, { effectiveDate: '2026-12-05' }), later)
    expect(briefing).toMatchObject({ effectiveDate: '2026-12-05', requiresAck: false, version: 2 })
    expect(briefing.revisions[0]!.acknowledgementsCleared).toBe(0)
    expect(reflagged).toBe(false)
  })

  it('refuses a correction that changes nothing, and the products or date of an applied end-of-life notice', () => {
    const firmware = newBriefing(input(), ctx)
    expect(() => reviseBriefing(firmware, correction(firmware), later)).toThrow(/changes nothing/)
    const eol = { ...newBriefing(input({ kind: 'end-of-life', skus: ['A'] }), ctx), eolAppliedAt: '2026-12-01T00:05:00Z' }
    const fault = (o: Record<string, unknown>) => {
      try {
        reviseBriefing(eol, correction(eol, o), later)
      } catch (error) {
        return (error as RuleViolationError).issues.map((i) => i.field)
      }
      return []
    }
    expect(fault({ skus: ['A', 'B'] })).toEqual(['skus'])
    expect(fault({ skus: ['B'], effectiveDate: '2027-01-01' })).toEqual(['skus', 'effectiveDate'])
    expect(reviseBriefing(eol, correction(eol, { body: 'Replacement: B-2' }), later).briefing.skus).toEqual(['A'])
    // the same SKUs in another order are no change
    const price = newBriefing(input({ kind: 'price-change', skus: ['A', 'B'] }), ctx)
    expect(() => reviseBriefing(price, correction(price, { skus: ['B', 'A'] }), later)).toThrow(/changes nothing/)
  })

  it('shows partners a correction by HomeAIQ staff as HomeAIQ’s', () => {
    const firmware = newBriefing(input(), ctx)
    const { briefing } = reviseBriefing(firmware, correction(firmware, { title: 'Firmware 2' }), { ...later, actor: staff })
    expect(redactBriefing(briefing, actor).revisions[0]!.by).toBe('HomeAIQ')
    expect(redactBriefing(briefing, staff).revisions[0]!.by).toBe(staff.email)
  })

  it('tells staff a corrected notice waits for acknowledgement again, with the note', () => {
    const notice = acknowledged(newBriefing(input({ kind: 'safety-notice', title: 'Recall' }), ctx))
    const { briefing } = reviseBriefing(notice, correction(notice, { body: 'more' }), later)
    const message = ackNotice(briefing, { id: 'n1', now: later.now })!
    expect(message.title).toBe('Lutron: corrected safety notice to acknowledge again')
    expect(message.body).toBe('Recall — Fixed the lot range')
    expect(
      ackNotice(reviseBriefing(newBriefing(input(), ctx), correction(newBriefing(input(), ctx), { body: 'y' }), later).briefing, {
        id: 'n2',
        now: later.now,
      }),
    ).toBeUndefined()
  })
})
