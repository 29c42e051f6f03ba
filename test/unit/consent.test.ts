import {
  CATCH_UP_MS,
  catchUpSince,
  emptyConsent,
  refundFor,
  spendFor,
  withGrant,
  type ConsentRecord,
} from '../../cloudfunctions/domain/consent'
import { givesConsentBack } from '../../cloudfunctions/domain/subscribe-send'

const NOW = new Date('2026-06-13T02:00:00Z')
const granted = (topics: ConsentRecord['counts']): ConsentRecord => ({
  ...emptyConsent('m1', NOW),
  counts: topics,
})

describe('a consent given back', () => {
  it('returns the one a message spent, once', () => {
    const spend = spendFor(granted({ entryResult: 1 }), 'entryResult', 'm-a', NOW)
    if (!spend.spent || !spend.record) throw new Error('expected a spend')
    expect(spend.record.counts.entryResult).toBe(0)
    const back = refundFor(spend.record, 'entryResult', 'm-a', NOW)
    expect(back?.counts.entryResult).toBe(1)
    expect(back?.spends).not.toContain('m-a')
    // Again: the message no longer holds one.
    expect(back && refundFor(back, 'entryResult', 'm-a', NOW)).toBeNull()
  })

  it('returns nothing for a message that spent none', () => {
    expect(refundFor(granted({ entryResult: 2 }), 'entryResult', 'm-b', NOW)).toBeNull()
    expect(refundFor(null, 'entryResult', 'm-b', NOW)).toBeNull()
  })

  it('unless WeChat said there was no consent to spend (43101)', () => {
    expect(givesConsentBack(43101)).toBe(false)
    expect(givesConsentBack(40037)).toBe(true)
    expect(givesConsentBack(null)).toBe(true)
  })
})

describe('a consent catching up with its tap', () => {
  it('looks back over the window when the member never asked before', () => {
    expect(catchUpSince(null, NOW)).toEqual(new Date(NOW.getTime() - CATCH_UP_MS))
  })

  it('never before the previous ask, whose tap it was', () => {
    const asked = new Date(NOW.getTime() - 30_000)
    const record = withGrant(
      emptyConsent('m1', asked),
      { granted: [], refused: ['entryResult'] },
      'r1',
      asked,
    )
    expect(catchUpSince(record, NOW)).toEqual(asked)
    const long = new Date(NOW.getTime() - 10 * CATCH_UP_MS)
    const old = withGrant(
      emptyConsent('m1', long),
      { granted: ['entryResult'], refused: [] },
      'r0',
      long,
    )
    expect(catchUpSince(old, NOW)).toEqual(new Date(NOW.getTime() - CATCH_UP_MS))
  })
})
