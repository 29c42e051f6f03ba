import { ApiError } from '../../cloudfunctions/contract/errors'
import { DEFAULT_BOOKING_POLICY, type BookingRecord } from '../../cloudfunctions/domain/booking'
import {
  blockOf,
  bookableDays,
  cutSlots,
  dayGrid,
  impossibleCalendar,
  isOpenDay,
  openingOf,
  opensAtOf,
  refuseProblems,
  slotsOf,
  type GridInput,
  type OpeningCalendar,
  type ResourceRecord,
} from '../../cloudfunctions/domain/venue'

/** The centre's ping-pong room: every day of June 2026, 12:00–20:30, hourly, 4 tables. */
function calendar(over: Partial<OpeningCalendar> = {}): OpeningCalendar {
  return {
    from: '2026-06-01',
    to: '2026-06-30',
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    hours: { open: '12:00', close: '20:30' },
    slotMinutes: 60,
    remainder: 'shorter-last',
    exceptions: [],
    blocks: [],
    ...over,
  }
}

const resources: ResourceRecord[] = [1, 2, 3, 4].map((n) => ({
  _id: `v1-t${n}`,
  venueId: 'v1',
  name: `${n}号台`,
  order: n,
  active: true,
}))

const WINDOW = DEFAULT_BOOKING_POLICY.opens // a day ahead, at 12:00

function booking(resourceId: string, start: string, memberId: string, over = {}): BookingRecord {
  return {
    _id: `${resourceId}_20260611_${start.replace(':', '')}`,
    venueId: 'v1',
    resourceId,
    date: '2026-06-11',
    start,
    end: '',
    startAt: new Date(0),
    endAt: new Date(0),
    memberId,
    unit: '杭州某厂工会',
    status: 'booked',
    claim: `c_${memberId}`,
    group: 'g',
    byStaff: false,
    actor: memberId,
    cancelledAt: null,
    cancelReason: null,
    lateCancel: false,
    checkedInAt: null,
    checkedInBy: null,
    noShowAt: null,
    appeal: null,
    version: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    lastRequest: null,
    requests: [],
    ...over,
  }
}

function grid(now: Date, over: Partial<GridInput> = {}) {
  return dayGrid({
    calendar: calendar(),
    window: WINDOW,
    resources,
    date: '2026-06-11',
    bookings: [],
    memberId: 'me',
    now,
    ...over,
  })
}

const stateAt = (g: ReturnType<typeof grid>, start: string, table: number) =>
  g.rows.find((r) => r.slot.start === start)?.cells[table - 1]

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the slots of a day', () => {
  it('cuts 12:00–20:30 by the hour with a last half-hour 20:00–20:30', () => {
    const slots = slotsOf(calendar(), '2026-06-11')
    expect(slots.map((s) => `${s.start}–${s.end}`)).toEqual([
      '12:00–13:00',
      '13:00–14:00',
      '14:00–15:00',
      '15:00–16:00',
      '16:00–17:00',
      '17:00–18:00',
      '18:00–19:00',
      '19:00–20:00',
      '20:00–20:30',
    ])
    // Beijing wall clock, whatever the function's own zone (tests run with TZ=UTC).
    expect(slots[0].startAt).toEqual(new Date('2026-06-11T04:00:00Z'))
    expect(slots[8].startAt).toEqual(new Date('2026-06-11T12:00:00Z'))
    expect(slots[8].endAt).toEqual(new Date('2026-06-11T12:30:00Z'))
  })

  it('drops the half hour when the venue says so', () => {
    const slots = slotsOf(calendar({ remainder: 'drop-remainder' }), '2026-06-11')
    expect(slots).toHaveLength(8)
    expect(slots[7]).toMatchObject({ start: '19:00', end: '20:00' })
  })

  it('cuts other lengths and a day open until midnight', () => {
    const slots = cutSlots('2026-06-11', { open: '21:00', close: '24:00' }, 90, 'shorter-last')
    expect(slots.map((s) => `${s.start}–${s.end}`)).toEqual(['21:00–22:30', '22:30–24:00'])
    expect(slots[1].endAt).toEqual(new Date('2026-06-11T16:00:00Z'))
  })

  it('follows a day with other hours, a closure with its reason, weekdays and the range', () => {
    const cal = calendar({
      weekdays: [1, 2, 3, 4, 5, 6],
      exceptions: [
        { date: '2026-06-12', hours: { open: '14:00', close: '18:00' }, reason: '下午开放' },
        { date: '2026-06-13', hours: null, reason: '展厅布展' },
      ],
    })
    expect(slotsOf(cal, '2026-06-12').map((s) => s.start)).toEqual([
      '14:00',
      '15:00',
      '16:00',
      '17:00',
    ])
    expect(openingOf(cal, '2026-06-13')).toEqual({ open: false, reason: '展厅布展' })
    expect(slotsOf(cal, '2026-06-13')).toEqual([])
    expect(openingOf(cal, '2026-06-14')).toEqual({ open: false, reason: '周日不开放' })
    expect(isOpenDay(cal, '2026-07-01')).toBe(false)
    expect(isOpenDay(cal, '2026-06-30')).toBe(true)
  })

  it('finds the block over a slot only for the tables it names', () => {
    const cal = calendar({
      blocks: [
        {
          id: 'b1',
          date: '2026-06-11',
          from: '13:30',
          to: '15:00',
          resourceIds: ['v1-t2'],
          kind: 'maintenance',
          reason: '球台维修',
        },
      ],
    })
    const slot = (start: string, end: string) => ({ start, end })
    expect(blockOf(cal, '2026-06-11', 'v1-t2', slot('13:00', '14:00'))?.reason).toBe('球台维修')
    expect(blockOf(cal, '2026-06-11', 'v1-t2', slot('14:00', '15:00'))).toBeDefined()
    expect(blockOf(cal, '2026-06-11', 'v1-t2', slot('15:00', '16:00'))).toBeUndefined()
    expect(blockOf(cal, '2026-06-11', 'v1-t1', slot('13:00', '14:00'))).toBeUndefined()
  })
})

describe('when a day opens for booking', () => {
  it("opens tomorrow's slots today at 12:00 Beijing time", () => {
    expect(opensAtOf(WINDOW, '2026-06-11')).toEqual(new Date('2026-06-10T04:00:00Z'))
  })

  it('shows not yet open with the time one minute before, and free at the time itself', () => {
    const before = grid(new Date('2026-06-10T03:59:00Z'))
    expect(stateAt(before, '12:00', 1)).toEqual({
      resourceId: 'v1-t1',
      state: 'notYetOpen',
      opensAt: new Date('2026-06-10T04:00:00Z'),
    })
    const at = grid(new Date('2026-06-10T04:00:00Z'))
    expect(stateAt(at, '12:00', 1)?.state).toBe('free')
    expect(at.rows.flatMap((r) => r.cells).every((c) => c.state === 'free')).toBe(true)
  })

  it('lists the date strip: today while a slot is to come, through the furthest day', () => {
    // 2026-06-10 20:10 Beijing: today's last slot has begun; tomorrow opened at noon.
    expect(bookableDays(calendar(), WINDOW, new Date('2026-06-10T12:10:00Z'))).toEqual([
      { date: '2026-06-11', opensAt: new Date('2026-06-10T04:00:00Z'), opened: true },
    ])
    // 2026-06-30 10:00 Beijing: the calendar ends today.
    expect(
      bookableDays(calendar(), WINDOW, new Date('2026-06-30T02:00:00Z')).map((d) => d.date),
    ).toEqual(['2026-06-30'])
    // Closed days are left out.
    const closed = calendar({ exceptions: [{ date: '2026-06-11', hours: null, reason: '停电' }] })
    expect(
      bookableDays(closed, WINDOW, new Date('2026-06-10T02:00:00Z')).map((d) => d.date),
    ).toEqual(['2026-06-10'])
  })
})

describe('the Beijing day across midnight UTC', () => {
  // 16:30 UTC on the 10th is 00:30 on the 11th in Beijing.
  const now = new Date('2026-06-10T16:30:00Z')

  it("makes the 11th today, with tomorrow's slots not open until noon", () => {
    expect(bookableDays(calendar(), WINDOW, now)).toEqual([
      { date: '2026-06-11', opensAt: new Date('2026-06-10T04:00:00Z'), opened: true },
      { date: '2026-06-12', opensAt: new Date('2026-06-11T04:00:00Z'), opened: false },
    ])
  })

  it('keeps today 20:00 today: bookable at 19:59 Beijing, past at 20:00', () => {
    expect(stateAt(grid(now), '20:00', 1)?.state).toBe('free')
    const evening = grid(new Date('2026-06-11T11:59:00Z'))
    expect(stateAt(evening, '19:00', 1)?.state).toBe('past')
    expect(stateAt(evening, '20:00', 1)?.state).toBe('free')
    expect(stateAt(grid(new Date('2026-06-11T12:00:00Z')), '20:00', 1)?.state).toBe('past')
  })
})

describe('the grid of a day', () => {
  const now = new Date('2026-06-11T05:30:00Z') // 13:30 Beijing

  it('marks mine, taken, past, closed and free for the member asking', () => {
    const g = grid(now, {
      calendar: calendar({
        blocks: [
          {
            id: 'b1',
            date: '2026-06-11',
            from: '18:00',
            to: '20:30',
            resourceIds: null,
            kind: 'event',
            reason: '工会比赛',
          },
        ],
      }),
      resources: resources.map((r) => (r._id === 'v1-t4' ? { ...r, active: false } : r)),
      bookings: [
        booking('v1-t1', '15:00', 'me'),
        booking('v1-t2', '15:00', 'other'),
        booking('v1-t3', '15:00', 'other', { status: 'cancelled' }),
        booking('v1-t1', '12:00', 'me', { status: 'checkedIn' }),
      ],
    })
    expect(g.resources.map((r) => r.name)).toEqual(['1号台', '2号台', '3号台', '4号台'])
    expect(stateAt(g, '15:00', 1)).toMatchObject({
      state: 'mine',
      bookingId: 'v1-t1_20260611_1500',
    })
    expect(stateAt(g, '15:00', 2)?.state).toBe('taken')
    // A cancelled booking frees its slot.
    expect(stateAt(g, '15:00', 3)?.state).toBe('free')
    expect(stateAt(g, '15:00', 4)).toMatchObject({ state: 'closed', reason: '场地暂停使用' })
    // The member still finds a slot of theirs that has begun.
    expect(stateAt(g, '12:00', 1)?.state).toBe('mine')
    expect(stateAt(g, '12:00', 2)?.state).toBe('past')
    expect(stateAt(g, '13:00', 2)?.state).toBe('past')
    expect(stateAt(g, '18:00', 1)).toMatchObject({ state: 'closed', reason: '工会比赛' })
    expect(stateAt(g, '20:00', 3)).toMatchObject({ state: 'closed', reason: '工会比赛' })
  })

  it('shows another member, or no member, only taken', () => {
    const bookings = [booking('v1-t1', '15:00', 'me')]
    expect(stateAt(grid(now, { bookings, memberId: 'other' }), '15:00', 1)?.state).toBe('taken')
    expect(stateAt(grid(now, { bookings, memberId: null }), '15:00', 1)?.state).toBe('taken')
  })

  it('shows a closed day with its usual rows, all closed, and the reason', () => {
    const g = grid(now, {
      calendar: calendar({ exceptions: [{ date: '2026-06-11', hours: null, reason: '停电检修' }] }),
    })
    expect(g).toMatchObject({ open: false, reason: '停电检修' })
    expect(g.rows).toHaveLength(9)
    expect(stateAt(g, '16:00', 2)).toMatchObject({ state: 'closed', reason: '停电检修' })
  })
})

describe('impossible calendars', () => {
  const ids = new Set(resources.map((r) => r._id))

  it('accepts the ping-pong calendar', () => {
    expect(impossibleCalendar(calendar(), ids)).toEqual({})
  })

  it('names each impossible field with a Chinese message', () => {
    const fields = impossibleCalendar(
      calendar({
        from: '2026-06-30',
        to: '2026-06-01',
        weekdays: [],
        hours: { open: '20:30', close: '12:00' },
        slotMinutes: 0,
        exceptions: [
          { date: '2026-07-02', hours: null, reason: '' },
          { date: '2026-06-30', hours: null, reason: ' ' },
        ],
        blocks: [
          {
            id: 'b1',
            date: '2026-06-11',
            from: '15:00',
            to: '14:00',
            resourceIds: ['v9-t1'],
            kind: 'maintenance',
            reason: '',
          },
        ],
      }),
      ids,
    )
    expect(fields).toEqual({
      to: '结束日期不能早于开始日期',
      weekdays: '请至少选择一个开放日',
      slotMinutes: '时段长度须为10至240分钟的整数',
      'hours.close': '结束时间须晚于开始时间',
      'exceptions.0.date': '例外日期须在开放日期内',
      'exceptions.0.reason': '请填写闭馆原因，会员会看到',
      'exceptions.1.date': '例外日期须在开放日期内',
      'exceptions.1.reason': '请填写闭馆原因，会员会看到',
      'blocks.0.to': '结束时间须晚于开始时间',
      'blocks.0.resourceIds': '场地不存在，请刷新后再试',
      'blocks.0.reason': '请填写停用原因，会员会看到',
    })
  })

  it('refuses hours shorter than one slot, a bad time, a duplicate exception', () => {
    const fields = impossibleCalendar(
      calendar({
        hours: { open: '12:00', close: '12:30' },
        exceptions: [
          { date: '2026-06-11', hours: { open: '9:00', close: '25:00' }, reason: '' },
          { date: '2026-06-11', hours: null, reason: '重复' },
        ],
      }),
      ids,
    )
    expect(fields).toEqual({
      'hours.close': '开放时长不足一个时段（60分钟）',
      'exceptions.0.hours.open': '时间格式应为 HH:mm，如 12:00',
      'exceptions.0.hours.close': '时间格式应为 HH:mm，如 20:30',
      'exceptions.1.date': '同一天只能设置一条例外',
    })
  })

  it('turns problems into one INVALID_INPUT with every field', () => {
    const error = refusal(() =>
      refuseProblems(impossibleCalendar(calendar({ weekdays: [], slotMinutes: 7 }), ids)),
    )
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toBe('请至少选择一个开放日')
    expect(Object.keys(error.fields ?? {})).toEqual(['weekdays', 'slotMinutes'])
    expect(() => refuseProblems({})).not.toThrow()
  })
})
