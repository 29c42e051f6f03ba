import type { ManagedVenue, ParamsOf, VenueStatus } from '@contract'
import { addDays } from '@/utils/time'

/**
 * The minimal venue editor's form: what a venue is, its tables, its date range, daily hours and
 * slot length. Everything else a venue has (weekdays, closures, blocked slots, the booking
 * policy, the photo) is carried over unchanged from the venue edited, or the defaults for a new
 * one; the server validates the whole and names any field it refuses.
 */
export interface VenueForm {
  name: string
  address: string
  phone: string
  notes: string
  tables: string
  from: string
  to: string
  open: string
  close: string
  slotMinutes: string
  status: VenueStatus
}

export const STATUS_LABELS: Record<VenueStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已归档',
}
export const STATUSES: readonly VenueStatus[] = ['draft', 'published', 'archived']

export function formOf(venue: ManagedVenue | null, today: string): VenueForm {
  if (!venue)
    return {
      name: '',
      address: '',
      phone: '',
      notes: '',
      tables: '4',
      from: today,
      to: addDays(today, 29),
      open: '12:00',
      close: '20:30',
      slotMinutes: '60',
      status: 'draft',
    }
  return {
    name: venue.name,
    address: venue.address,
    phone: venue.phone,
    notes: venue.notes,
    tables: String(venue.resourceList.filter((r) => r.active).length),
    from: venue.calendar.from,
    to: venue.calendar.to,
    open: venue.calendar.hours.open,
    close: venue.calendar.hours.close,
    slotMinutes: String(venue.calendar.slotMinutes),
    status: venue.status,
  }
}

/** A count typed in; NaN goes to the server as is, which refuses it on its field. */
const count = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)

export type VenueParams = ParamsOf<'venue.create'>

export function paramsOf(form: VenueForm, base: ManagedVenue | null): VenueParams {
  const n = count(form.tables)
  // Table i keeps its name (and id, which is its position) as long as it is listed.
  const names = base?.resourceList.map((r) => r.name) ?? []
  const resources = Array.from({ length: Number.isNaN(n) ? 0 : Math.min(n, 50) }, (_v, i) => ({
    name: names[i] ?? `${i + 1}号台`,
  }))
  const calendar = base?.calendar
  return {
    name: form.name,
    address: form.address,
    phone: form.phone,
    notes: form.notes,
    photoFileId: base?.photoFileId ?? null,
    resources,
    calendar: {
      from: form.from,
      to: form.to,
      weekdays: calendar?.weekdays ?? [0, 1, 2, 3, 4, 5, 6],
      hours: { open: form.open, close: form.close },
      slotMinutes: count(form.slotMinutes),
      remainder: calendar?.remainder ?? 'shorter-last',
      exceptions: calendar?.exceptions ?? [],
      blocks: calendar?.blocks ?? [],
    },
    ...(base ? { policy: base.policy } : {}),
    status: form.status,
  }
}
