import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset gives the
// zone's wall time without the Intl time-zone data some WeChat runtimes lack.
const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** An ISO instant as a member in China reads it, e.g. 2025年6月13日 09:00. */
export function formatShanghai(iso: string, pattern = 'YYYY年M月D日 HH:mm'): string {
  return dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES).format(pattern)
}

/** Date (YYYY-MM-DD) and time (HH:mm) on Shanghai's wall clock, for pickers. */
export function shanghaiParts(iso: string): { date: string; time: string } {
  const local = dayjs.utc(iso).utcOffset(SHANGHAI_OFFSET_MINUTES)
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') }
}

/** Shanghai wall-clock date and time back to an ISO instant with its offset, as the contract wants. */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** A calendar date (YYYY-MM-DD) moved by whole days; pure date arithmetic, no clock involved. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

export function isFuture(iso: string, now: Date = new Date()): boolean {
  return dayjs(iso).valueOf() > now.getTime()
}
