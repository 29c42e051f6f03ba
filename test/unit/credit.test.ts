import { ApiError } from '../../cloudfunctions/contract/errors'
import { banEnd, refuseBanned, type CreditRecord } from '../../cloudfunctions/domain/credit'

const NOW = new Date('2026-06-10T02:00:00Z')

function credit(bannedUntil: Date | null): CreditRecord {
  return {
    _id: 'm_1',
    noShows: [
      { kind: 'ticket', ref: 'e1', at: new Date('2026-05-20T12:00:00Z') },
      { kind: 'booking', ref: 'b1', at: new Date('2026-06-01T08:00:00Z') },
    ],
    bannedUntil,
  }
}

describe('banEnd', () => {
  it('is the end of a ban still in force', () => {
    const until = new Date('2026-06-19T16:00:00Z')
    expect(banEnd(credit(until), NOW)).toEqual(until)
  })

  it('is null without a record, without a ban, and once the ban has ended', () => {
    expect(banEnd(null, NOW)).toBeNull()
    expect(banEnd(credit(null), NOW)).toBeNull()
    expect(banEnd(credit(new Date('2026-06-01T00:00:00Z')), NOW)).toBeNull()
    // The instant it ends, the member may sign up again.
    expect(banEnd(credit(NOW), NOW)).toBeNull()
  })

  it('reads a ban end stored as a string', () => {
    const stored = credit('2026-06-19T16:00:00.000Z' as unknown as Date)
    expect(banEnd(stored, NOW)).toEqual(new Date('2026-06-19T16:00:00Z'))
  })
})

describe('refuseBanned', () => {
  it('refuses a banned member, saying in Beijing time when they may sign up again', () => {
    // 16:00 UTC on the 19th is midnight starting the 20th in Beijing.
    let error: unknown
    try {
      refuseBanned(credit(new Date('2026-06-19T16:00:00Z')), NOW)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      code: 'MEMBER_BANNED',
      message: '因爽约暂停报名，6月20日 00:00起可再次报名',
    })
  })

  it('lets a member through with no ban, or once it has ended', () => {
    expect(() => refuseBanned(null, NOW)).not.toThrow()
    expect(() => refuseBanned(credit(null), NOW)).not.toThrow()
    expect(() => refuseBanned(credit(new Date('2026-06-10T01:59:59Z')), NOW)).not.toThrow()
  })
})
