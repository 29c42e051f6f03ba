import type { BookingStatusName } from '@contract'
import type { BadgeTone } from '@/components/status-badge'
import { addDays, formatShanghai } from './time'

/**
 * Booking words and dates shared by the venue pages and the admin subpackage (so it lives in the
 * main package). The status words themselves come from the server (`statusText`); this only
 * gives each its badge colour, always next to the word.
 */
export const BOOKING_TONES: Record<BookingStatusName, BadgeTone> = {
  booked: 'red',
  checkedIn: 'green',
  cancelled: 'grey',
  noShow: 'amber',
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Today on Shanghai's calendar, YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return formatShanghai(now.toISOString(), 'YYYY-MM-DD')
}

/** 周六 of a calendar date (YYYY-MM-DD); pure date arithmetic, no clock. */
export function weekdayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
}

/** 6月14日 周六. */
export function dateText(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日 ${weekdayText(date)}`
}

/** 今天 / 明天 / 后天, else the weekday: the date strip's first line. */
export function dayWord(date: string, today: string = beijingToday()): string {
  if (date === today) return '今天'
  if (date === addDays(today, 1)) return '明天'
  if (date === addDays(today, 2)) return '后天'
  return weekdayText(date)
}

/** 6月14日 周六 19:00–20:00. */
export function slotText(b: { date: string; start: string; end: string }): string {
  return `${dateText(b.date)} ${b.start}–${b.end}`
}
