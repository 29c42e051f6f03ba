/**
 * The demo ping-pong venue the local cloud seeds, as members and the scheduler meet it: listed,
 * today's and tomorrow's grids showing the seeded bookings (the dev member's as mine), and
 * counter documents that hold exactly the bookings that count, so the first tick repairs nothing.
 */
import { demoData } from '../../cloud/seed'
import { VENUE_IDS } from '../../cloud/seed/venues'
import type { VenueDay } from '../../cloudfunctions/contract'
import {
  bookingIdFor,
  counterRepairs,
  countsIn,
  DEFAULT_BOOKING_POLICY,
  limitKeysFor,
  type BookingCounter,
  type BookingRecord,
} from '../../cloudfunctions/domain/booking'
import type { CreditRecord } from '../../cloudfunctions/domain/credit'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import { MEMBER, UNVERIFIED, startApiCloud, type ApiCloud } from './api-cloud'

const VENUE = VENUE_IDS.pingPong
let api: ApiCloud

beforeAll(async () => {
  api = await startApiCloud()
})
afterAll(async () => {
  await api?.stop()
})

const stored = async <T>(collection: string) => (await api.documents(collection)) as unknown as T[]

const revived = (b: BookingRecord): BookingRecord => ({
  ...b,
  startAt: new Date(b.startAt),
  endAt: new Date(b.endAt),
  updatedAt: new Date(b.updatedAt),
})

describe('the seeded ping-pong venue', () => {
  it('is listed with its address, four tables and the usual hours', async () => {
    const list = api.ok(await api.call(UNVERIFIED, 'venue.list', {}))
    expect(list.items.find((v) => v.id === VENUE)).toMatchObject({
      name: '乒乓球场地预约',
      address: expect.stringContaining('省职工服务中心三楼展厅'),
      resources: 4,
      hours: { open: '12:00', close: '20:30' },
      slotMinutes: 60,
    })
    const venue = api.ok(await api.call(UNVERIFIED, 'venue.get', { id: VENUE }))
    expect(venue.policy).toEqual(JSON.parse(JSON.stringify(DEFAULT_BOOKING_POLICY)))
    expect(venue.address).toContain('杭州市西湖区学院路107号')
    expect(venue.calendar.from).toBe(dayOf(new Date()))
    expect(venue.calendar.to).toBe(addDays(dayOf(new Date()), 29))
    expect(venue.resourceList.map((r) => r.name)).toEqual(['1号台', '2号台', '3号台', '4号台'])
  })

  it('cuts a day by the hour from 12:00 with a last half-hour slot', async () => {
    const tomorrow = addDays(dayOf(new Date()), 1)
    const day = api.ok(await api.call(UNVERIFIED, 'venue.day', { id: VENUE, date: tomorrow }))
    expect(day.rows.map((r) => `${r.start}-${r.end}`)).toEqual([
      '12:00-13:00',
      '13:00-14:00',
      '14:00-15:00',
      '15:00-16:00',
      '16:00-17:00',
      '17:00-18:00',
      '18:00-19:00',
      '19:00-20:00',
      '20:00-20:30',
    ])
  })

  it('shows the seeded bookings as taken today and tomorrow, the dev member’s as mine', async () => {
    const bookings = await stored<BookingRecord>('bookings')
    const ours = bookings.filter((b) => b.venueId === VENUE)
    const devMemberId = String(demoData(new Date()).collections.members[0]._id)
    const devBookings = ours.filter((b) => b.memberId === devMemberId)
    expect(devBookings).toHaveLength(1)
    const now = Date.now()
    const today = dayOf(new Date())
    let checked = 0
    for (const date of [today, addDays(today, 1)]) {
      const forMember = api.ok(await api.call(MEMBER, 'venue.day', { id: VENUE, date }))
      const forOther = api.ok(await api.call(UNVERIFIED, 'venue.day', { id: VENUE, date }))
      const stateOf = (day: VenueDay, b: BookingRecord) =>
        day.rows.find((r) => r.start === b.start)?.cells.find((c) => c.resourceId === b.resourceId)
      for (const b of ours.filter((x) => x.date === date)) {
        expect(b._id).toBe(bookingIdFor(b.resourceId, b.date, b.start))
        const future = new Date(b.startAt).getTime() > now
        const mine = b.memberId === devMemberId
        expect(stateOf(forMember, b)).toMatchObject(
          mine ? { state: 'mine', bookingId: b._id } : { state: future ? 'taken' : 'past' },
        )
        expect(stateOf(forOther, b)?.state).toBe(future ? 'taken' : 'past')
        checked += 1
      }
    }
    expect(checked).toBe(ours.length)
    expect(ours.some((b) => b.memberId !== devMemberId && b.status === 'booked')).toBe(true)

    const mine = api.ok(await api.call(MEMBER, 'booking.mine', {}))
    expect(mine.items).toHaveLength(1)
    expect(mine.items[0]).toMatchObject({
      id: devBookings[0]._id,
      venueName: '乒乓球场地预约',
      resourceName: '2号台',
      start: '19:00',
      end: '20:00',
      status: 'booked',
      actions: ['cancel'],
    })
    // Anyone opening its shared card sees the slot, not the member.
    const card = api.ok(await api.call(UNVERIFIED, 'booking.get', { id: mine.items[0].ref }))
    expect(card).toMatchObject({ mine: false, actions: [], status: 'booked' })
    expect(JSON.stringify(card)).not.toContain('王建国')
  })

  it('keeps counters that hold exactly the bookings that count, and the credit of its no-show', async () => {
    const now = new Date()
    const bookings = (await stored<BookingRecord>('bookings'))
      .filter((b) => b.venueId === VENUE)
      .map(revived)
    const counters = (await stored<BookingCounter>('bookingCounters')).filter((c) =>
      c._id.includes(`_${VENUE}_`),
    )
    const expected = new Map<string, Set<string>>()
    for (const b of bookings)
      for (const key of limitKeysFor(b, DEFAULT_BOOKING_POLICY))
        if (countsIn(key.kind, b, now))
          expected.set(key.id, (expected.get(key.id) ?? new Set()).add(b.claim))
    expect(counters.map((c) => c._id).sort()).toEqual([...expected.keys()].sort())
    const byId = new Map(bookings.map((b) => [b._id, b]))
    for (const c of counters) {
      expect(c.n).toBe(Object.keys(c.holds).length)
      expect(c.n).toBeLessThanOrEqual(
        limitKeysFor(byId.get(Object.values(c.holds)[0].booking) as BookingRecord, {
          ...DEFAULT_BOOKING_POLICY,
        }).find((k) => k.id === c._id)?.cap ?? 0,
      )
      expect(new Set(Object.keys(c.holds))).toEqual(expected.get(c._id))
      const repair = counterRepairs(c, byId, DEFAULT_BOOKING_POLICY, new Set(), now, now)
      expect(repair).toEqual({ release: [], restore: {} })
    }
    const credit = await stored<CreditRecord>('credit')
    for (const b of bookings.filter((x) => x.status === 'noShow'))
      expect(JSON.stringify(credit.find((c) => c._id === b.memberId))).toContain(b.claim)

    const fired = await api.cloud.post('/dev/trigger/scheduler')
    expect(fired.status).toBe(200)
    expect((fired.body as { result: Record<string, unknown> }).result).toMatchObject({
      bookings: { noShows: 0, credited: 0, told: 0, countersRepaired: 0 },
    })
  })
})

describe('the seeded venue at any time of day', () => {
  // Before tomorrow opens (Beijing morning), mid-afternoon, after closing, around UTC midnight.
  const moments = [
    '2026-06-30T01:00:00Z',
    '2026-06-30T03:59:00Z',
    '2026-06-30T04:00:00Z',
    '2026-06-30T07:30:00Z',
    '2026-06-30T13:00:00Z',
    '2026-06-30T15:59:00Z',
    '2026-06-30T16:00:00Z',
  ].map((iso) => new Date(iso))

  it.each(moments)('holds counters equal to its bookings, within every cap, at %s', (now) => {
    const { collections } = demoData(now)
    const bookings = collections.bookings as unknown as BookingRecord[]
    const counters = collections.bookingCounters as unknown as BookingCounter[]
    const dev = String(collections.members[0]._id)
    expect(bookings.filter((b) => b.memberId === dev)).toHaveLength(1)
    expect(new Set(bookings.map((b) => b._id)).size).toBe(bookings.length)
    for (const b of bookings) {
      expect(b.createdAt.getTime()).toBeLessThan(now.getTime())
      // Nothing the scheduler would mark: a booking still booked has not begun.
      if (b.status === 'booked') expect(b.startAt.getTime()).toBeGreaterThan(now.getTime())
    }
    const byId = new Map(bookings.map((b) => [b._id, b]))
    for (const c of counters) {
      const repair = counterRepairs(c, byId, DEFAULT_BOOKING_POLICY, new Set(), now, now)
      expect(repair).toEqual({ release: [], restore: {} })
      const cap = limitKeysFor(
        byId.get(Object.values(c.holds)[0].booking) as BookingRecord,
        DEFAULT_BOOKING_POLICY,
      ).find((k) => k.id === c._id)?.cap
      expect(c.n).toBeLessThanOrEqual(cap ?? 0)
    }
  })
})
