import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../shared/briefings/markdown'
import { newBriefing } from '../../shared/briefings/new-briefing'
import { eolDue, isFlagged } from '../../shared/briefings/rules'
import { requiresAck } from '../../shared/briefings/vocabulary'
import { RuleViolationError } from '../../shared/errors'
import { BriefingInput } from '../../shared/schemas/briefing'

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
