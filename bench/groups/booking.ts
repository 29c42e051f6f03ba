import { startApiCloud } from '../../test/functions/api-cloud'
import { seedVerifiedMembers } from '../../test/helpers/activities'
import { auditBookings, fireBookings, type BookingPlan } from '../../test/helpers/booking-rush'
import { percentile } from '../../test/helpers/rush'
import { createVenue, pingPongVenue } from '../../test/helpers/venues'
import { DEFAULT_BOOKING_POLICY } from '../../cloudfunctions/domain/booking'
import { addDays, dayOf } from '../../cloudfunctions/domain/time'
import type { BenchGroup, Figure } from '../group'
import { round } from '../stats'

const MEMBERS = 500
const SLOTS = 10
const GRID_TABLES = 8
const GRID_DAYS = 30

/**
 * Issue 10's booking rush on the local cloud: 500 verified members tap 预约 at the same instant
 * on the same 10 slots (14:00 tomorrow on each of 10 tables, member i on table i % 10), at most
 * DEFAULT_IN_FLIGHT invocations running together (test/helpers/rush.ts); then the database is
 * read straight for double bookings and limits passed. And a month of day grids for 8 tables,
 * loaded one day at a time as the venue page does.
 */
const booking: BenchGroup = {
  name: 'booking',
  async run() {
    const api = await startApiCloud()
    try {
      const tomorrow = addDays(dayOf(new Date()), 1)
      // Tomorrow bookable now; one slot a day per member, as the peer's rules have it.
      const policy = { ...DEFAULT_BOOKING_POLICY, opens: { daysAhead: 3, at: '00:00' } }
      const venue = await createVenue(api, pingPongVenue(tomorrow, { policy, tables: SLOTS }))
      const members = await seedVerifiedMembers(api.cloud.app(), MEMBERS, 'bbench')
      const plans = members.map((member, i): BookingPlan => ({
        member,
        venueId: venue.id,
        date: tomorrow,
        resourceId: venue.tables[i % SLOTS],
        start: '14:00',
      }))
      const { bookings, wallMs } = await fireBookings(api, plans)
      const audit = await auditBookings(api.cloud.app(), venue.id, policy, new Date())
      const booked = bookings.filter((b) => b.reply.ok).length
      console.error(
        `bench: booking rush ${booked} booked of ${bookings.length} in ${round(wallMs / 1000, 1)} s`,
      )

      const grid = await createVenue(
        api,
        pingPongVenue(tomorrow, { policy, tables: GRID_TABLES, days: GRID_DAYS }),
      )
      let gridMs = 0
      for (let d = 0; d < GRID_DAYS; d++) {
        const t0 = performance.now()
        api.ok(
          await api.call(members[0].openid, 'venue.day', {
            id: grid.id,
            date: addDays(tomorrow, d),
          }),
        )
        gridMs += performance.now() - t0
      }

      const ms = bookings.map((b) => b.ms)
      const figures: Figure[] = [
        { key: 'members', value: MEMBERS, unit: 'members', what: 'members booking at once' },
        { key: 'slots', value: SLOTS, unit: 'slots', what: '14:00 tomorrow on 10 tables' },
        {
          key: 'bookings',
          value: audit.standing.length,
          unit: 'bookings',
          what: `standing bookings after the rush (must be ${SLOTS}); ${booked} replies said 预约成功`,
        },
        {
          key: 'doubleBooked',
          value: audit.doubleBooked,
          unit: 'slots',
          what: 'slots with more than one standing booking',
        },
        {
          key: 'overLimit',
          value: audit.overLimit.length + audit.miscounted.length + audit.orphanHolds.length,
          unit: 'counters',
          what: 'limit counters passed, miscounted or holding a place with no booking behind it',
        },
        {
          key: 'bookingsPerSec',
          value: round(bookings.length / (wallMs / 1000), 1),
          unit: 'req/s',
          what: `booking.create requests answered per second (${round(wallMs / 1000, 1)} s for ${bookings.length})`,
        },
        {
          key: 'p99Ms',
          value: round(percentile(ms, 99), 0),
          unit: 'ms',
          what: `booking.create latency, 99th percentile (p50 ${round(percentile(ms, 50), 0)})`,
        },
        {
          key: 'monthGridMs',
          value: round(gridMs, 0),
          unit: 'ms',
          what: `venue.day for ${GRID_DAYS} days of ${GRID_TABLES} tables, one day at a time, summed`,
        },
      ]
      return figures
    } finally {
      await api.stop()
    }
  },
}

export default booking
