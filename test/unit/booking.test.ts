import { ApiError } from '../../cloudfunctions/contract/errors'
import {
  archivedIdFor,
  bookingActions,
  bookingIdFor,
  bookingRefOf,
  cancelRuleText,
  cancelTerms,
  checkInWindow,
  chosenSlots,
  counterIdsOf,
  counterRepairs,
  counterTakes,
  DEFAULT_BOOKING_POLICY,
  expiredHolds,
  impossiblePolicy,
  impossibleVenueSettings,
  isNoShowDue,
  limitKeysFor,
  newBookings,
  noShowOf,
  refuseBannedBooking,
  refuseBookingCheckIn,
  takeOutcome,
  weekOf,
  type BookingCounter,
  type BookingPolicy,
  type BookingRecord,
} from '../../cloudfunctions/domain/booking'
import { banUntilFor, withNoShow, type NoShowRecord } from '../../cloudfunctions/domain/credit'
import type { OpeningCalendar, ResourceRecord } from '../../cloudfunctions/domain/venue'

const MIN = 60_000
const calendar: OpeningCalendar = {
  from: '2026-06-01',
  to: '2026-06-30',
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  hours: { open: '12:00', close: '20:30' },
  slotMinutes: 60,
  remainder: 'shorter-last',
  exceptions: [{ date: '2026-06-13', hours: null, reason: '展厅布展' }],
  blocks: [
    {
      id: 'b1',
      date: '2026-06-11',
      from: '18:00',
      to: '19:00',
      resourceIds: ['v1-t3'],
      kind: 'maintenance',
      reason: '球台维修',
    },
  ],
}
const resources: ResourceRecord[] = [1, 2, 3, 4].map((n) => ({
  _id: `v1-t${n}`,
  venueId: 'v1',
  name: `${n}号台`,
  order: n,
  active: n !== 4,
}))
const policy = (over: Partial<BookingPolicy> = {}): BookingPolicy => ({
  ...DEFAULT_BOOKING_POLICY,
  ...over,
})
const venue = (over: Partial<BookingPolicy> = {}) => ({ _id: 'v1', calendar, policy: policy(over) })

/** 2026-06-10 13:00 Beijing: the 11th's slots opened an hour ago. */
const NOW = new Date('2026-06-10T05:00:00Z')

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const maker = {
  memberId: 'm1',
  unit: '杭州某厂工会',
  requestKey: 'booking.create:o1:r1',
  actor: 'o1',
  byStaff: false,
  now: NOW,
}

/** Member m1's booking of table 1 on the 11th at `start`. */
function booked(start = '15:00', over: Partial<BookingRecord> = {}): BookingRecord {
  const chosen = chosenSlots(
    venue({ perMemberDay: 9 }),
    resources,
    '2026-06-11',
    [{ resourceId: 'v1-t1', start }],
    NOW,
  )
  return { ...newBookings('v1', chosen, '2026-06-11', maker)[0], ...over }
}

describe('bookingIdFor', () => {
  it('is the same for the same slot and different for any other', () => {
    const id = bookingIdFor('v1-t1', '2026-06-11', '15:00')
    expect(id).toBe('v1-t1_20260611_1500')
    expect(bookingIdFor('v1-t1', '2026-06-11', '15:00')).toBe(id)
    expect(bookingIdFor('v1-t2', '2026-06-11', '15:00')).not.toBe(id)
    expect(bookingIdFor('v1-t1', '2026-06-12', '15:00')).not.toBe(id)
    expect(bookingIdFor('v1-t1', '2026-06-11', '16:00')).not.toBe(id)
  })

  it('refuses what is not a slot, so no two slots share an id', () => {
    expect(refusal(() => bookingIdFor('v1-t1', '2026-6-11', '15:00')).code).toBe('INVALID_INPUT')
    expect(refusal(() => bookingIdFor('v1-t1', '2026-06-11', '1500')).code).toBe('INVALID_INPUT')
    expect(refusal(() => bookingIdFor('v1 t1', '2026-06-11', '15:00')).code).toBe('INVALID_INPUT')
  })

  it('gives each booking of a slot its own claim and archive id', () => {
    const first = booked()
    const again = newBookings(
      'v1',
      chosenSlots(venue(), resources, '2026-06-11', [{ resourceId: 'v1-t1', start: '15:00' }], NOW),
      '2026-06-11',
      { ...maker, memberId: 'm2', requestKey: 'booking.create:o2:r9' },
    )[0]
    expect(again._id).toBe(first._id)
    expect(again.claim).not.toBe(first.claim)
    expect(booked().claim).toBe(first.claim) // a retry of the request
    expect(archivedIdFor(first._id, first.claim)).toBe(`${first._id}~${first.claim}`)
    expect(bookingRefOf(first)).toBe(archivedIdFor(first._id, first.claim))
  })
})

describe('chosenSlots', () => {
  const pick = (start: string, resourceId = 'v1-t1') => ({ resourceId, start })

  it('takes consecutive slots on one table, in order', () => {
    const { resource, slots } = chosenSlots(
      venue({ perMemberDay: 3 }),
      resources,
      '2026-06-11',
      [pick('20:00'), pick('19:00')],
      NOW,
    )
    expect(resource._id).toBe('v1-t1')
    expect(slots.map((s) => `${s.start}–${s.end}`)).toEqual(['19:00–20:00', '20:00–20:30'])
  })

  it('refuses slots that are not consecutive, or on two tables', () => {
    const gap = refusal(() =>
      chosenSlots(
        venue({ perMemberDay: 3 }),
        resources,
        '2026-06-11',
        [pick('15:00'), pick('17:00')],
        NOW,
      ),
    )
    expect(gap).toMatchObject({ code: 'INVALID_INPUT', message: '一次预约的多个时段须前后相连' })
    const two = refusal(() =>
      chosenSlots(
        venue({ perMemberDay: 3 }),
        resources,
        '2026-06-11',
        [pick('15:00'), pick('16:00', 'v1-t2')],
        NOW,
      ),
    )
    expect(two).toMatchObject({ code: 'INVALID_INPUT', message: '一次预约的多个时段须在同一场地' })
  })

  it('names a slot that does not exist, or one picked twice', () => {
    const error = refusal(() =>
      chosenSlots(
        venue({ perMemberDay: 3 }),
        resources,
        '2026-06-11',
        [pick('15:30'), pick('16:00'), pick('16:00')],
        NOW,
      ),
    )
    expect(error.fields).toEqual({
      'picks.0.start': '没有这个时段',
      'picks.2.start': '同一时段选了两次',
    })
  })

  it('refuses a day not yet open one minute before, saying when, and takes it at the time', () => {
    const early = refusal(() =>
      chosenSlots(
        venue(),
        resources,
        '2026-06-11',
        [pick('15:00')],
        new Date('2026-06-10T03:59:00Z'),
      ),
    )
    expect(early).toMatchObject({
      code: 'BOOKING_NOT_OPEN',
      message: '6月11日的时段将于6月10日 12:00开放预约',
    })
    const onTime = new Date('2026-06-10T04:00:00Z')
    expect(
      chosenSlots(venue(), resources, '2026-06-11', [pick('15:00')], onTime).slots,
    ).toHaveLength(1)
  })

  it('refuses a slot that has begun, a closed day, a blocked or idle table', () => {
    const today = (start: string) => () =>
      chosenSlots(venue(), resources, '2026-06-10', [pick(start)], NOW)
    expect(refusal(today('13:00')).message).toBe('13:00–14:00 时段已开始，不能预约')
    expect(() => today('14:00')()).not.toThrow()
    const atOneMinuteTo = new Date('2026-06-10T05:59:00Z')
    expect(() =>
      chosenSlots(venue(), resources, '2026-06-10', [pick('14:00')], atOneMinuteTo),
    ).not.toThrow()
    expect(
      refusal(() =>
        chosenSlots(
          venue({ opens: { daysAhead: 3, at: '12:00' } }),
          resources,
          '2026-06-13',
          [pick('15:00')],
          NOW,
        ),
      ),
    ).toMatchObject({ code: 'BOOKING_NOT_OPEN', message: '6月13日不开放：展厅布展' })
    expect(
      refusal(() => chosenSlots(venue(), resources, '2026-06-11', [pick('18:00', 'v1-t3')], NOW))
        .message,
    ).toBe('3号台 18:00–19:00 暂停预约：球台维修')
    expect(
      refusal(() => chosenSlots(venue(), resources, '2026-06-11', [pick('18:00', 'v1-t4')], NOW))
        .message,
    ).toBe('4号台暂停使用')
    expect(
      refusal(() => chosenSlots(venue(), resources, '2026-06-11', [pick('18:00', 'v2-t1')], NOW))
        .fields,
    ).toEqual({ 'picks.0.resourceId': '场地不存在' })
  })

  it('refuses more slots at once than a limit allows, before any write', () => {
    const error = refusal(() =>
      chosenSlots(venue(), resources, '2026-06-11', [pick('15:00'), pick('16:00')], NOW),
    )
    expect(error).toMatchObject({
      code: 'BOOKING_LIMIT',
      message: '每人每天最多预约1个时段，当天已约满',
    })
  })
})

describe('limits', () => {
  it('names the counters of a booking: member day, Monday week, active, and 基层工会 day', () => {
    const b = booked()
    expect(limitKeysFor(b, policy())).toEqual([
      { id: 'md_v1_m1_20260611', kind: 'memberDay', cap: 1 },
      { id: 'mw_v1_m1_20260608', kind: 'memberWeek', cap: 7 },
      { id: 'ma_v1_m1', kind: 'memberActive', cap: 2 },
    ])
    const withUnit = limitKeysFor(b, policy({ perUnitDay: 6 }))
    expect(withUnit[3]).toMatchObject({ kind: 'unitDay', cap: 6 })
    expect(withUnit[3].id).toMatch(/^ud_v1_[0-9a-f]{16}_20260611$/)
    // One 基层工会, one counter, whoever of its members books.
    const other = limitKeysFor({ ...b, memberId: 'm2' }, policy({ perUnitDay: 6 }))
    expect(other[3].id).toBe(withUnit[3].id)
    expect(limitKeysFor({ ...b, unit: '另一工会' }, policy({ perUnitDay: 6 }))[3].id).not.toBe(
      withUnit[3].id,
    )
  })

  it('releases a cancel from every counter the booking may hold, even a cap since dropped', () => {
    const ids = counterIdsOf(booked())
    expect(ids).toHaveLength(4)
    expect(ids.slice(0, 3)).toEqual(limitKeysFor(booked(), policy()).map((k) => k.id))
    expect(ids[3]).toBe(limitKeysFor(booked(), policy({ perUnitDay: 3 }))[3].id)
  })

  it('runs the week Monday to Sunday in Beijing', () => {
    expect(weekOf('2026-06-08')).toBe('2026-06-08')
    expect(weekOf('2026-06-14')).toBe('2026-06-08') // Sunday
    expect(weekOf('2026-06-15')).toBe('2026-06-15')
  })

  it('takes each counter once for consecutive slots, leaving room for all of them', () => {
    const p = policy({ perMemberDay: 3, perUnitDay: 10 })
    const chosen = chosenSlots(
      { _id: 'v1', calendar, policy: p },
      resources,
      '2026-06-11',
      [
        { resourceId: 'v1-t1', start: '15:00' },
        { resourceId: 'v1-t1', start: '16:00' },
      ],
      NOW,
    )
    const bookings = newBookings('v1', chosen, '2026-06-11', maker)
    const takes = counterTakes(bookings, p, maker.requestKey, NOW)
    expect(takes.map((t) => [t.kind, t.k, t.atMost])).toEqual([
      ['memberDay', 2, 1],
      ['memberWeek', 2, 5],
      ['memberActive', 2, 0],
      ['unitDay', 2, 8],
    ])
    expect(Object.keys(takes[0].holds)).toEqual(bookings.map((b) => b.claim))
    expect(takes[0].holds[bookings[1].claim]).toEqual({
      booking: bookings[1]._id,
      endAt: bookings[1].endAt,
      at: NOW,
      request: maker.requestKey,
    })
  })

  it('tells a retry that already holds from a full counter', () => {
    const [take] = counterTakes([booked()], policy(), maker.requestKey, NOW)
    const counter: BookingCounter = { _id: take.id, kind: take.kind, n: 1, holds: take.holds }
    expect(takeOutcome(counter, take)).toBe('held')
    expect(takeOutcome({ ...counter, holds: { other: counter.holds[booked().claim] } }, take)).toBe(
      'full',
    )
    expect(takeOutcome(null, take)).toBe('full')
  })

  it('frees an active place when its slot ends', () => {
    const hold = (endAt: string) => ({
      booking: 'x',
      endAt: new Date(endAt),
      at: NOW,
      request: 'r',
    })
    const counter: BookingCounter = {
      _id: 'ma_v1_m1',
      kind: 'memberActive',
      n: 2,
      holds: { a: hold('2026-06-10T05:00:00Z'), b: hold('2026-06-10T05:00:01Z') },
    }
    expect(expiredHolds(counter, NOW)).toEqual(['a'])
    expect(expiredHolds({ ...counter, kind: 'memberDay' }, NOW)).toEqual([])
  })

  it('repairs a counter from the bookings, touching only what is stale', () => {
    const staleBefore = new Date(NOW.getTime() - 2 * MIN)
    const old = new Date(NOW.getTime() - 10 * MIN)
    const live = booked('15:00', { updatedAt: old })
    const cancelled = booked('16:00', { status: 'cancelled', updatedAt: old })
    const rebooked = booked('17:00', { claim: 'c_someone_else', updatedAt: old })
    const missing = booked('19:00', { updatedAt: old })
    const young = booked('20:00', { updatedAt: NOW })
    const hold = (b: BookingRecord, at = old) => ({
      booking: b._id,
      endAt: b.endAt,
      at,
      request: 'r',
    })
    const counter: BookingCounter = {
      _id: 'mw_v1_m1_20260608',
      kind: 'memberWeek',
      n: 5,
      holds: {
        [live.claim]: hold(live),
        [cancelled.claim]: hold(cancelled),
        // The slot was cancelled and booked again: the old claim no longer stands on it.
        [booked('17:00').claim]: hold(rebooked),
        // Taken by a run that never wrote its booking.
        c_orphan: { booking: 'v1-t2_20260611_1200', endAt: live.endAt, at: old, request: 'r' },
        // A run still in flight: its booking may come.
        c_inflight: { booking: 'v1-t2_20260611_1300', endAt: live.endAt, at: NOW, request: 'r' },
        // Old, but its request is pending: the scheduler resumes it instead.
        c_resumed: { booking: 'v1-t2_20260611_1400', endAt: live.endAt, at: old, request: 'r2' },
      },
    }
    const bookings = new Map([live, cancelled, rebooked, missing, young].map((b) => [b._id, b]))
    const repair = counterRepairs(counter, bookings, policy(), new Set(['r2']), staleBefore, NOW)
    expect(repair.release.sort()).toEqual(
      [cancelled.claim, booked('17:00').claim, 'c_orphan'].sort(),
    )
    expect(Object.keys(repair.restore).sort()).toEqual([missing.claim, rebooked.claim].sort())
  })
})

describe('cancel', () => {
  const b = booked('15:00') // starts 2026-06-11 15:00 Beijing = 07:00Z
  const start = new Date('2026-06-11T07:00:00Z').getTime()

  it('allows a cancel until exactly 30 minutes before, not a minute later', () => {
    expect(cancelTerms(b, policy(), new Date(start - 30 * MIN))).toEqual({ late: false })
    const late = refusal(() => cancelTerms(b, policy(), new Date(start - 29 * MIN)))
    expect(late).toMatchObject({
      code: 'CANCEL_CLOSED',
      message: '开始前30分钟内不能取消（截止14:30）',
    })
  })

  it('under a late-cancel-is-no-show policy, allows it until the start as a no-show', () => {
    const p = policy({ lateCancel: 'noShow' })
    expect(cancelTerms(b, p, new Date(start - 29 * MIN))).toEqual({ late: true })
    expect(refusal(() => cancelTerms(b, p, new Date(start))).message).toBe('时段已开始，不能取消')
  })

  it('refuses what is not 已预约', () => {
    expect(refusal(() => cancelTerms({ ...b, status: 'checkedIn' }, policy(), NOW)).message).toBe(
      '已签到的预约不能取消',
    )
    expect(refusal(() => cancelTerms({ ...b, status: 'cancelled' }, policy(), NOW)).code).toBe(
      'INVALID_STATE',
    )
  })

  it('says the rule in the confirmation', () => {
    expect(cancelRuleText(policy())).toBe('开始前30分钟以前可取消，之后不能取消；未签到记爽约一次')
    expect(cancelRuleText(policy({ lateCancel: 'noShow' }))).toBe(
      '开始前30分钟以前可取消；之后取消或未签到均记爽约一次',
    )
  })
})

describe('check-in and no-show', () => {
  const b = booked('15:00')
  const start = new Date('2026-06-11T07:00:00Z').getTime()
  const at = (minutes: number) => new Date(start + minutes * MIN)

  it('opens 10 minutes before the start and closes 15 minutes after', () => {
    expect(checkInWindow(b, policy())).toEqual({ from: at(-10), to: at(15) })
    expect(() => refuseBookingCheckIn(b, policy(), at(-10))).not.toThrow()
    expect(() => refuseBookingCheckIn(b, policy(), new Date(at(15).getTime() - 1))).not.toThrow()
    expect(refusal(() => refuseBookingCheckIn(b, policy(), at(-11)))).toMatchObject({
      code: 'CHECK_IN_CLOSED',
      message: '签到时间为14:50至15:15，请稍后再来',
    })
    expect(refusal(() => refuseBookingCheckIn(b, policy(), at(15))).message).toBe(
      '签到时间为14:50至15:15，已过签到时间',
    )
  })

  it('refuses a second check-in, saying when the first was', () => {
    const done = { ...b, status: 'checkedIn' as const, checkedInAt: at(-3) }
    expect(refusal(() => refuseBookingCheckIn(done, policy(), at(0))).message).toBe('已于14:57签到')
  })

  it('is a no-show from the end of the grace window, dated then', () => {
    expect(isNoShowDue(b, policy(), new Date(at(15).getTime() - 1))).toBe(false)
    expect(isNoShowDue(b, policy(), at(15))).toBe(true)
    expect(isNoShowDue({ ...b, status: 'checkedIn' }, policy(), at(60))).toBe(false)
    expect(noShowOf(b, policy())).toEqual({ kind: 'booking', ref: bookingRefOf(b), at: at(15) })
    const lateCancel = { ...b, status: 'cancelled' as const, lateCancel: true, cancelledAt: at(-5) }
    expect(noShowOf(lateCancel, policy()).at).toEqual(at(-5))
  })
})

describe('bookingActions', () => {
  const b = booked('15:00')
  const start = new Date('2026-06-11T07:00:00Z').getTime()
  const at = (minutes: number) => new Date(start + minutes * MIN)

  it('offers exactly what each state allows now', () => {
    expect(bookingActions(b, policy(), at(-60))).toEqual(['cancel'])
    expect(bookingActions(b, policy(), at(-20))).toEqual([])
    expect(bookingActions(b, policy(), at(-5))).toEqual(['checkIn'])
    expect(bookingActions(b, policy({ lateCancel: 'noShow' }), at(-5))).toEqual([
      'cancel',
      'checkIn',
    ])
    expect(bookingActions({ ...b, status: 'checkedIn' }, policy(), at(0))).toEqual([])
    expect(bookingActions({ ...b, status: 'cancelled' }, policy(), at(-60))).toEqual([])
    expect(bookingActions({ ...b, status: 'noShow' }, policy(), at(60))).toEqual(['appeal'])
    const appealed = {
      ...b,
      status: 'noShow' as const,
      appeal: {
        note: '临时加班',
        at: at(60),
        status: 'open' as const,
        reason: null,
        decidedBy: null,
        decidedAt: null,
      },
    }
    expect(bookingActions(appealed, policy(), at(90))).toEqual([])
  })
})

describe('no-show ban on the credit record', () => {
  const rule = DEFAULT_BOOKING_POLICY.noShowBan
  const noShow = (ref: string, at: string): NoShowRecord => ({
    kind: 'booking',
    ref,
    at: new Date(at),
  })

  it('bans after the second no-show within the window, to midnight 30 full days later', () => {
    const first = withNoShow(null, 'm1', noShow('b1', '2026-05-20T07:15:00Z'), rule)
    expect(first).toEqual({
      _id: 'm1',
      noShows: [noShow('b1', '2026-05-20T07:15:00Z')],
      bannedUntil: null,
    })
    // The second: 2026-06-11 15:15 Beijing → banned through 7月11日, bookable from 7月12日 00:00.
    const second = withNoShow(first, 'm1', noShow('b2', '2026-06-11T07:15:00Z'), rule)
    expect(second.bannedUntil).toEqual(new Date('2026-07-11T16:00:00Z'))
    expect(refusal(() => refuseBannedBooking(second, NOW))).toMatchObject({
      code: 'MEMBER_BANNED',
      message: '因爽约暂停预约，7月12日 00:00起可再次预约',
    })
  })

  it('counts a no-show once however often it is recorded, tickets and bookings alike', () => {
    const once = withNoShow(null, 'm1', noShow('b1', '2026-06-11T07:15:00Z'), rule)
    expect(withNoShow(once, 'm1', noShow('b1', '2026-06-11T07:15:00Z'), rule)).toBe(once)
    const ticket: NoShowRecord = { kind: 'ticket', ref: 'b1', at: new Date('2026-06-12T12:00:00Z') }
    expect(withNoShow(once, 'm1', ticket, rule).bannedUntil).not.toBeNull()
  })

  it('does not ban for no-shows further apart than the window, or without a rule', () => {
    const list = [noShow('b1', '2025-11-01T07:15:00Z'), noShow('b2', '2026-06-11T07:15:00Z')]
    expect(banUntilFor(list, rule)).toBeNull()
    expect(banUntilFor(list, { noShows: 2, withinDays: 365, banDays: 7 })).toEqual(
      new Date('2026-06-18T16:00:00Z'),
    )
    expect(banUntilFor([...list, noShow('b3', '2026-06-12T07:15:00Z')], null)).toBeNull()
  })

  it('keeps a longer ban already in force', () => {
    const long = new Date('2026-12-31T16:00:00Z')
    const credit = { _id: 'm1', noShows: [noShow('b1', '2026-06-10T07:15:00Z')], bannedUntil: long }
    expect(
      withNoShow(credit, 'm1', noShow('b2', '2026-06-11T07:15:00Z'), rule).bannedUntil,
    ).toEqual(long)
  })
})

describe('impossible policies', () => {
  it('accepts the default, which follows the peer rules', () => {
    expect(impossiblePolicy(DEFAULT_BOOKING_POLICY, 60)).toEqual({})
    expect(DEFAULT_BOOKING_POLICY).toMatchObject({
      opens: { daysAhead: 1 },
      perMemberDay: 1,
      cancelNoticeMinutes: 30,
      lateCancel: 'refuse',
      noShowBan: { noShows: 2 },
    })
  })

  it('names each impossible number with a Chinese message', () => {
    const fields = impossiblePolicy(
      policy({
        opens: { daysAhead: -1, at: '7点' },
        perMemberDay: 3,
        perMemberWeek: 2,
        activeAtOnce: 0,
        perUnitDay: 0,
        cancelNoticeMinutes: 1.5,
        checkIn: { beforeMinutes: 10, afterMinutes: 90 },
        noShowBan: { noShows: 0, withinDays: 30, banDays: 0 },
      }),
      60,
    )
    expect(fields).toEqual({
      'opens.daysAhead': '提前天数须为0至60的整数',
      'opens.at': '开放时间格式应为 HH:mm，如 12:00',
      perMemberWeek: '每周上限不能小于每天上限',
      activeAtOnce: '同时保留的预约须为1至100的整数',
      perUnitDay: '每个基层工会每天上限须为正整数，或不设上限',
      cancelNoticeMinutes: '取消须提前的分钟数须为0至10080的整数',
      'checkIn.afterMinutes': '签到宽限不能超过时段长度（60分钟）',
      'noShowBan.noShows': '爽约次数须为1至100的整数',
      'noShowBan.banDays': '暂停天数须为1至3650的整数',
    })
  })

  it('reports calendar and policy problems together under their own prefixes', () => {
    const fields = impossibleVenueSettings(
      { ...calendar, weekdays: [] },
      policy({ perMemberDay: 0 }),
      new Set(resources.map((r) => r._id)),
    )
    expect(fields).toEqual({
      'calendar.weekdays': '请至少选择一个开放日',
      'policy.perMemberDay': '每人每天上限须为1至100的整数',
    })
  })
})
