import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * Members live in Asia/Shanghai while functions run in UTC: every "today", window and cut-off
 * goes through here so the day never slips between 00:00 and 08:00 Beijing time.
 */
export const ZONE = 'Asia/Shanghai'

export type Instant = Date

/** The instant as a Beijing wall clock, for day arithmetic. */
export function local(at: Instant): dayjs.Dayjs {
  return dayjs(at).tz(ZONE)
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function dayOf(at: Instant): string {
  return local(at).format('YYYY-MM-DD')
}

/** The instant a Beijing wall-clock time happens, e.g. `atLocal('2025-06-16', '19:30')`. */
export function atLocal(day: string, time = '00:00'): Instant {
  return dayjs.tz(`${day} ${time}`, ZONE).toDate()
}

/** Midnight at the start of the Beijing day that holds `at`. */
export function startOfDay(at: Instant): Instant {
  return atLocal(dayOf(at))
}

/** The Beijing day `days` after the day of `at`. */
export function addDays(day: string, days: number): string {
  return dayjs.tz(day, ZONE).add(days, 'day').format('YYYY-MM-DD')
}

/** 0 = Sunday … 6 = Saturday, of a Beijing day. */
export function weekdayOf(day: string): number {
  return dayjs.tz(day, ZONE).day()
}

/** The first Beijing day at least `minDaysAhead` after the day of `at` that falls on `weekday`. */
export function nextWeekday(at: Instant, weekday: number, minDaysAhead = 1): string {
  let day = addDays(dayOf(at), minDaysAhead)
  while (weekdayOf(day) !== weekday) day = addDays(day, 1)
  return day
}

/** "6月13日" — how the centre's notices write a date. */
export function chineseDate(day: string): string {
  const d = dayjs.tz(day, ZONE)
  return `${d.month() + 1}月${d.date()}日`
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "6月16日（周一）". */
export function chineseDateWithWeekday(day: string): string {
  return `${chineseDate(day)}（周${WEEKDAYS[weekdayOf(day)]}）`
}

export function toIso(at: Instant): string {
  return at.toISOString()
}
