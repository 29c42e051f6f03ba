import type { VenueFields } from '../contract/venue'
import {
  DEFAULT_BOOKING_POLICY,
  impossibleVenueSettings,
  type BookingPolicy,
  type BookingRecord,
} from './booking'
import {
  blockOf,
  openingOf,
  refuseProblems,
  resourceIdFor,
  slotsOf,
  type OpeningCalendar,
  type ResourceRecord,
} from './venue'

/**
 * From what staff typed to what a venue stores: tables numbered 1..n with stable ids, blocks
 * with ids, the default policy where none was given; refused, field by field, when the venue
 * could not run. And which bookings an edit displaces (a closed day, a blocked slot, a slot the
 * new hours no longer have), each with the reason its member is told.
 */
export interface VenueSettings {
  calendar: OpeningCalendar
  policy: BookingPolicy
  resources: ResourceRecord[]
}

/**
 * Tables listed become 1..n in order; tables a venue had beyond n stay, inactive (bookings
 * name them). A block without an id gets one from its place in the list.
 */
export function venueSettings(
  venueId: string,
  input: Pick<VenueFields, 'calendar' | 'policy' | 'resources'>,
  previous: { policy: BookingPolicy; resources: readonly ResourceRecord[] } | null,
): VenueSettings {
  const resources: ResourceRecord[] = input.resources.map((r, i) => ({
    _id: resourceIdFor(venueId, i + 1),
    venueId,
    name: r.name,
    order: i + 1,
    active: true,
  }))
  for (const old of previous?.resources ?? [])
    if (!resources.some((r) => r._id === old._id)) resources.push({ ...old, active: false })
  const calendar: OpeningCalendar = {
    ...input.calendar,
    weekdays: [...new Set(input.calendar.weekdays)].sort(),
    blocks: input.calendar.blocks.map((b, i) => ({
      ...b,
      id: b.id ?? `b${i + 1}_${b.date.replace(/-/g, '')}`,
    })),
  }
  const policy = input.policy ?? previous?.policy ?? DEFAULT_BOOKING_POLICY
  const ids = new Set(resources.filter((r) => r.active).map((r) => r._id))
  refuseProblems(impossibleVenueSettings(calendar, policy, ids))
  const blockIds = calendar.blocks.map((b) => b.id)
  if (new Set(blockIds).size !== blockIds.length)
    refuseProblems({ 'calendar.blocks': '停用时段编号重复' })
  return { calendar, policy, resources }
}

export interface Displaced {
  booking: BookingRecord
  reason: string
}

/**
 * Bookings still 已预约 whose slot the venue as it is now no longer offers: the day closed,
 * the slot blocked or gone from the hours, the table out of use. Staff's later changes never
 * count against the member (a cancel of this kind is never late).
 */
export function displacedBookings(
  settings: VenueSettings,
  bookings: readonly BookingRecord[],
): Displaced[] {
  const out: Displaced[] = []
  for (const booking of bookings) {
    if (booking.status !== 'booked') continue
    const reason = displacement(settings, booking)
    if (reason) out.push({ booking, reason })
  }
  return out
}

function displacement(settings: VenueSettings, booking: BookingRecord): string | null {
  const { calendar, resources } = settings
  const opening = openingOf(calendar, booking.date)
  if (!opening.open) return `场馆当天闭馆：${opening.reason}`
  const resource = resources.find((r) => r._id === booking.resourceId)
  if (!resource?.active) return '场地停止使用'
  const slot = slotsOf(calendar, booking.date).find(
    (s) => s.start === booking.start && s.end === booking.end,
  )
  if (!slot) return '开放时间调整，该时段取消'
  const block = blockOf(calendar, booking.date, booking.resourceId, slot)
  if (block) return `时段停用：${block.reason}`
  return null
}
