import { ApiError } from '../../cloudfunctions/contract/errors'
import type { ActivityRecord, SessionRecord } from '../../cloudfunctions/domain/activity'
import type { EntryRecord } from '../../cloudfunctions/domain/entry'
import {
  CHECK_IN_OPENS_BEFORE_MS,
  confirmDeadline,
  DEFAULT_TICKET_POLICY,
  offerDeadline,
  entryIdOfCode,
  refuseCheckIn,
  ticketCode,
} from '../../cloudfunctions/domain/ticket'

const KEY = 'test-ticket-key'
const START = new Date('2026-06-16T11:30:00Z')
const session: SessionRecord = {
  id: 's1',
  startAt: START,
  endAt: new Date(START.getTime() + 2 * 3_600_000),
  seats: 10,
}
const activity = { status: 'published' } as ActivityRecord
const entry = (over: Partial<EntryRecord>) =>
  ({
    _id: 'e1',
    status: 'won',
    confirmedAt: new Date(0),
    updatedAt: new Date(0),
    ...over,
  }) as EntryRecord

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('not refused')
}

describe('ticket codes', () => {
  it('name their entry and check out only under the key that signed them', () => {
    const code = ticketCode('e1234', KEY)
    expect(entryIdOfCode(code, KEY)).toBe('e1234')
    expect(refusal(() => entryIdOfCode(code, 'another-key')).code).toBe('TICKET_INVALID')
    expect(refusal(() => entryIdOfCode(code.replace('e1234', 'e1235'), KEY)).code).toBe(
      'TICKET_INVALID',
    )
    expect(refusal(() => entryIdOfCode('not a code', KEY)).code).toBe('TICKET_INVALID')
  })

  it('are refused by a function with no key configured, and never made without one', () => {
    expect(refusal(() => entryIdOfCode(ticketCode('e1', KEY), '')).code).toBe('TICKET_INVALID')
    expect(() => ticketCode('e1', '')).toThrow('TICKET_KEY')
  })
})

describe('the door', () => {
  const opens = new Date(START.getTime() - CHECK_IN_OPENS_BEFORE_MS)
  it('opens two hours before the session and closes when it ends', () => {
    expect(
      refusal(() => refuseCheckIn(entry({}), activity, session, new Date(opens.getTime() - 1)))
        .code,
    ).toBe('CHECK_IN_CLOSED')
    expect(() => refuseCheckIn(entry({}), activity, session, opens)).not.toThrow()
    expect(refusal(() => refuseCheckIn(entry({}), activity, session, session.endAt)).code).toBe(
      'CHECK_IN_CLOSED',
    )
  })

  it('takes a first-come seat or a confirmed win, and says when a used ticket was used (Beijing)', () => {
    const at = START
    expect(() =>
      refuseCheckIn(entry({ status: 'confirmed', confirmedAt: null }), activity, session, at),
    ).not.toThrow()
    expect(
      refusal(() => refuseCheckIn(entry({ confirmedAt: null }), activity, session, at)).message,
    ).toBe('此票尚未确认参加')
    const used = refusal(() =>
      refuseCheckIn(
        entry({ status: 'checkedIn', checkedInAt: new Date('2026-06-16T11:02:03Z') }),
        activity,
        session,
        at,
      ),
    )
    expect(used).toMatchObject({ code: 'TICKET_USED', message: '此票已于6月16日 19:02:03检票' })
    expect(
      refusal(() => refuseCheckIn(entry({ status: 'lost' }), activity, session, at)).code,
    ).toBe('TICKET_INVALID')
  })

  it('gives winners 24 hours after the draw to confirm, never past the start', () => {
    const drawnAt = new Date('2026-06-15T02:00:00Z')
    const late = new Date('2026-06-20T11:30:00Z')
    expect(confirmDeadline(drawnAt, DEFAULT_TICKET_POLICY, late).toISOString()).toBe(
      '2026-06-16T02:00:00.000Z',
    )
    const soon = new Date('2026-06-15T11:30:00Z')
    expect(confirmDeadline(drawnAt, DEFAULT_TICKET_POLICY, soon)).toEqual(soon)
  })

  it('gives an offer the policy’s hours, never past the start', () => {
    const offeredAt = new Date('2026-06-15T02:00:00Z')
    const policy = { ...DEFAULT_TICKET_POLICY, offerHours: 6 }
    const late = new Date('2026-06-20T11:30:00Z')
    expect(offerDeadline(offeredAt, policy, late).toISOString()).toBe('2026-06-15T08:00:00.000Z')
    const soon = new Date('2026-06-15T05:00:00Z')
    expect(offerDeadline(offeredAt, policy, soon)).toEqual(soon)
  })
})
