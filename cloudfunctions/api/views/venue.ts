import type {
  BookableDayView,
  CalendarView,
  ManagedVenue,
  PolicyView,
  Venue,
  VenueDay,
  VenueSummary,
} from '../../contract/venue'
import { cancelRuleText } from '../../domain/booking'
import { bookableDays, type BookableDay, type DayGrid } from '../../domain/venue'
import type { StoredVenue } from '../../store/venues'

/** Temporary links of stored photos, by file id. */
export type PhotoUrls = ReadonlyMap<string, string>

export function toDays(days: readonly BookableDay[]): BookableDayView[] {
  return days.map((d) => ({ date: d.date, opensAt: d.opensAt.toISOString(), opened: d.opened }))
}

export function toVenueSummary(venue: StoredVenue, urls: PhotoUrls): VenueSummary {
  return {
    id: venue._id,
    name: venue.name,
    address: venue.address,
    phone: venue.phone,
    photoUrl: venue.photoFileId ? (urls.get(venue.photoFileId) ?? null) : null,
    resources: venue.resources.filter((r) => r.active).length,
    hours: { ...venue.calendar.hours },
    slotMinutes: venue.calendar.slotMinutes,
  }
}

export function toVenue(venue: StoredVenue, urls: PhotoUrls, now: Date): Venue {
  const calendar: CalendarView = JSON.parse(JSON.stringify(venue.calendar)) as CalendarView
  const policy: PolicyView = JSON.parse(JSON.stringify(venue.policy)) as PolicyView
  return {
    ...toVenueSummary(venue, urls),
    notes: venue.notes,
    calendar,
    policy,
    cancelRule: cancelRuleText(venue.policy),
    days: toDays(bookableDays(venue.calendar, venue.policy.opens, now)),
    resourceList: [...venue.resources]
      .sort((a, b) => a.order - b.order)
      .map((r) => ({ id: r._id, name: r.name, active: r.active })),
  }
}

export function toManagedVenue(
  venue: StoredVenue,
  urls: PhotoUrls,
  now: Date,
  cancelledBookings = 0,
): ManagedVenue {
  return {
    ...toVenue(venue, urls, now),
    status: venue.status,
    photoFileId: venue.photoFileId,
    version: venue.version,
    createdAt: venue.createdAt.toISOString(),
    updatedAt: venue.updatedAt.toISOString(),
    cancelledBookings,
  }
}

export function toVenueDay(venue: StoredVenue, grid: DayGrid, now: Date): VenueDay {
  return {
    venueId: venue._id,
    venueName: venue.name,
    date: grid.date,
    open: grid.open,
    reason: grid.reason ?? null,
    opensAt: grid.opensAt.toISOString(),
    resources: grid.resources.map((r) => ({ id: r._id, name: r.name })),
    rows: grid.rows.map((row) => ({
      start: row.slot.start,
      end: row.slot.end,
      startAt: row.slot.startAt.toISOString(),
      endAt: row.slot.endAt.toISOString(),
      cells: row.cells.map((c) => ({
        resourceId: c.resourceId,
        state: c.state,
        ...(c.opensAt ? { opensAt: c.opensAt.toISOString() } : {}),
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.bookingId ? { bookingId: c.bookingId } : {}),
      })),
    })),
    days: toDays(bookableDays(venue.calendar, venue.policy.opens, now)),
    cancelRule: cancelRuleText(venue.policy),
  }
}
