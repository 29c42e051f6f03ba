import {
  checkInWindow,
  countsIn,
  DEFAULT_BOOKING_POLICY,
  limitKeysFor,
  newBookings,
  noShowOf,
  type BookingCounter,
  type BookingPolicy,
  type BookingRecord,
} from '../../cloudfunctions/domain/booking'
import { banUntilFor, type CreditRecord } from '../../cloudfunctions/domain/credit'
import { addDays, atLocal, dayOf } from '../../cloudfunctions/domain/time'
import {
  opensAtOf,
  resourceIdFor,
  slotsOf,
  type OpeningCalendar,
  type ResourceRecord,
  type Slot,
} from '../../cloudfunctions/domain/venue'
import type { MemberRecord } from '../../cloudfunctions/store/records'
import type { StoredVenue } from '../../cloudfunctions/store/venues'

/**
 * The centre's ping-pong venue (乒乓球场地预约, 三楼展厅): 4 tables, open every day 12:00–20:30
 * from today for 30 days, by the hour with a last half-hour slot, under the default policy.
 * Registry members have booked some of today's and (once they opened) tomorrow's slots, the
 * dev member one; today's slots already played are checked in, one a no-show in its member's
 * credit. The counters are built from the bookings by the domain's own rules (`limitKeysFor`,
 * `countsIn`), so the scheduler's first tick finds nothing to repair.
 */
export const VENUE_IDS = { pingPong: 'venue-ping-pong' } as const

const SEEDER = 'seed'
const TABLES = 4
const DAYS_OPEN = 30
const MINUTE = 60_000
/** The dev member's booking: a table and an evening slot, well clear of the cancel notice. */
const DEV_TABLE = 1
const DEV_START = '19:00'
/** Registry members from this index on book the demo's slots, one slot each. */
const FIRST_BOOKER = 40

export interface DemoVenues {
  venues: StoredVenue[]
  bookings: BookingRecord[]
  bookingCounters: BookingCounter[]
  credit: CreditRecord[]
}

/** The venue's opening days, which the centre's notice also states. */
export function pingPongDays(now: Date): { from: string; to: string } {
  const from = dayOf(now)
  return { from, to: addDays(from, DAYS_OPEN - 1) }
}

function notesOf(policy: BookingPolicy): string {
  const ban = policy.noShowBan
  return [
    '免费向我省工会会员开放，球拍可自带或在前台借用，请穿运动鞋入场。',
    `每人每天最多预约${policy.perMemberDay}个时段；每天${policy.opens.at}起可预约次日的时段。`,
    `请在开始前${policy.checkIn.beforeMinutes}分钟至开始后${policy.checkIn.afterMinutes}分钟内到前台出示预约码签到，未签到记爽约一次。`,
    ban
      ? `${ban.withinDays}天内爽约${ban.noShows}次，暂停预约${ban.banDays}天。不能到场请提前取消。`
      : '不能到场请提前取消。',
  ].join('\n')
}

interface Parties {
  registry: readonly MemberRecord[]
  devMember: MemberRecord
  devOpenid: string
  phone: string
}

export function demoVenues(now: Date, parties: Parties): DemoVenues {
  const id = VENUE_IDS.pingPong
  const today = dayOf(now)
  const tomorrow = addDays(today, 1)
  const policy: BookingPolicy = JSON.parse(JSON.stringify(DEFAULT_BOOKING_POLICY)) as BookingPolicy
  const { from, to } = pingPongDays(now)
  const calendar: OpeningCalendar = {
    from,
    to,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    hours: { open: '12:00', close: '20:30' },
    slotMinutes: 60,
    remainder: 'shorter-last',
    exceptions: [],
    blocks: [],
  }
  const resources: ResourceRecord[] = Array.from({ length: TABLES }, (_v, i) => ({
    _id: resourceIdFor(id, i + 1),
    venueId: id,
    name: `${i + 1}号台`,
    order: i + 1,
    active: true,
  }))
  const createdAt = atLocal(addDays(today, -2), '09:00')
  const venue: StoredVenue = {
    _id: id,
    name: '乒乓球场地预约',
    address: '省职工服务中心三楼展厅（杭州市西湖区学院路107号）',
    photoFileId: null,
    notes: notesOf(policy),
    phone: parties.phone,
    calendar,
    policy,
    status: 'published',
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: SEEDER,
    updatedBy: SEEDER,
    lastRequest: null,
    resources,
  }

  // Tomorrow's slots open today at the policy's hour: before that (and at that very instant)
  // nobody can have booked them yet.
  const tomorrowOpen = now > opensAtOf(policy.opens, tomorrow)
  const bookedDays = tomorrowOpen ? [today, tomorrow] : [today]
  const devDay = bookedDays[bookedDays.length - 1]

  let made = 0
  const book = (
    member: MemberRecord,
    date: string,
    table: number,
    slot: Slot,
    actor: string,
  ): BookingRecord => {
    made += 1
    // Booked some minutes after the day opened, and before now.
    const opened = opensAtOf(policy.opens, date).getTime()
    const at = new Date(opened + Math.min(made * MINUTE, ((now.getTime() - opened) * made) / 100))
    const chosen = { resource: resources[table], slots: [slot] }
    const [booking] = newBookings(id, chosen, date, {
      memberId: member._id,
      unit: member.unit,
      requestKey: `seed:booking:${made}`,
      actor,
      byStaff: false,
      now: at,
    })
    return booking
  }

  const bookings: BookingRecord[] = []
  const credit: CreditRecord[] = []
  let booker = FIRST_BOOKER
  let noShowMade = false
  bookedDays.forEach((date, dayIndex) => {
    slotsOf(calendar, date).forEach((slot, i) => {
      for (let t = 0; t < TABLES; t++) {
        if (date === devDay && slot.start === DEV_START && t === DEV_TABLE) {
          bookings.push(book(parties.devMember, date, t, slot, parties.devOpenid))
          continue
        }
        // About a third of the tables, spread over the day; none of a slot under way (its
        // check-in still open), which the tick could not leave as it is.
        if ((i + 2 * t + dayIndex) % 3 !== 0) continue
        if (slot.startAt <= now && slot.endAt > now) continue
        const member = parties.registry[booker++ % parties.registry.length]
        const booking = book(member, date, t, slot, SEEDER)
        if (slot.endAt <= now) {
          const played = playedOut(booking, policy, !noShowMade)
          if (played.status === 'noShow') {
            noShowMade = true
            const noShows = [noShowOf(played, policy)]
            credit.push({
              _id: member._id,
              noShows,
              bannedUntil: banUntilFor(noShows, policy.noShowBan),
              version: 1,
            })
          }
          bookings.push(played)
        } else bookings.push(booking)
      }
    })
  })

  return { venues: [venue], bookings, bookingCounters: countersOf(bookings, policy, now), credit }
}

/** A slot already played: checked in at the desk, or (once) never shown up. */
function playedOut(booking: BookingRecord, policy: BookingPolicy, noShow: boolean): BookingRecord {
  const { to } = checkInWindow(booking, policy)
  if (noShow) return { ...booking, status: 'noShow', noShowAt: to, version: 2, updatedAt: to }
  const checkedInAt = new Date(booking.startAt.getTime() - 5 * MINUTE)
  return {
    ...booking,
    status: 'checkedIn',
    checkedInAt,
    checkedInBy: 'dev-checker-1',
    version: 2,
    updatedAt: checkedInAt,
  }
}

/** Every counter the bookings take a place in, holding exactly the bookings that count there. */
function countersOf(
  bookings: readonly BookingRecord[],
  policy: BookingPolicy,
  now: Date,
): BookingCounter[] {
  const counters = new Map<string, BookingCounter>()
  for (const b of bookings) {
    for (const key of limitKeysFor(b, policy)) {
      if (!countsIn(key.kind, b, now)) continue
      const counter = counters.get(key.id) ?? { _id: key.id, kind: key.kind, n: 0, holds: {} }
      counter.holds[b.claim] = {
        booking: b._id,
        endAt: b.endAt,
        at: b.createdAt,
        request: b.lastRequest ?? SEEDER,
      }
      counter.n = Object.keys(counter.holds).length
      counters.set(key.id, counter)
    }
  }
  return [...counters.values()]
}
