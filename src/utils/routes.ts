/** Addresses of pages outside the tab bar, shared by the pages that link to them and share cards. */
export function noticeDetailUrl(id: string): string {
  return `/notice/detail/index?id=${encodeURIComponent(id)}`
}

export const ADMIN_NOTICES_URL = '/admin/notices/index'

export function adminEditUrl(id?: string): string {
  return id ? `/admin/edit/index?id=${encodeURIComponent(id)}` : '/admin/edit/index'
}

export const MEMBER_VERIFY_URL = '/member/verify/index'
export const ADMIN_HUB_URL = '/admin/hub/index'
export const ADMIN_REGISTRY_URL = '/admin/registry/index'
export const ADMIN_IMPORT_URL = '/admin/import/index'
export const ADMIN_ROLES_URL = '/admin/roles/index'
export const ADMIN_AUDIT_URL = '/admin/audit/index'
export const ADMIN_ACTIVITIES_URL = '/admin/activities/index'
export const ADMIN_ON_BEHALF_URL = '/admin/on-behalf/index'

export function adminActivityEditUrl(id?: string): string {
  const url = '/admin/activity-edit/index'
  return id ? `${url}?id=${encodeURIComponent(id)}` : url
}

/** An activity's page; `edit` opens the signup form prefilled with the member's lottery entry. */
export function activityDetailUrl(id: string, options: { edit?: boolean } = {}): string {
  const url = `/activity/detail/index?id=${encodeURIComponent(id)}`
  return options.edit ? `${url}&edit=1` : url
}

export const MY_ENTRIES_URL = '/activity/entries/index'

/** An entry's status page: what its messages and a shared card open (`id` is the entry's id). */
export function entryUrl(id: string): string {
  return `/activity/entry/index?id=${encodeURIComponent(id)}`
}
export const MESSAGES_URL = '/message/list/index'

export const ADMIN_CHECK_IN_URL = '/admin/check-in/index'

/** 检票名单 of one session. */
export function adminRosterUrl(activityId: string, sessionId: string): string {
  return `/admin/roster/index?activityId=${encodeURIComponent(activityId)}&sessionId=${encodeURIComponent(sessionId)}`
}

/** A venue's page: its date strip and the day's grid; `date` opens that day. */
export function venueDetailUrl(id: string, date?: string): string {
  const url = `/venue/detail/index?id=${encodeURIComponent(id)}`
  return date ? `${url}&date=${encodeURIComponent(date)}` : url
}

/** A booking's status page, also what a shared card opens: `id` is the booking's ref. */
export function bookingUrl(id: string): string {
  return `/venue/booking/index?id=${encodeURIComponent(id)}`
}

export const MY_BOOKINGS_URL = '/venue/bookings/index'
export const ADMIN_VENUE_DAY_URL = '/admin/venue-day/index'
export const ADMIN_APPEALS_URL = '/admin/appeals/index'
export const ADMIN_VENUES_URL = '/admin/venues/index'

export function adminVenueEditUrl(id?: string): string {
  const url = '/admin/venue-edit/index'
  return id ? `${url}?id=${encodeURIComponent(id)}` : url
}
