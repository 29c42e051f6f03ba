import { ApiError } from '../contract/errors'
import { chineseDate, dayOf, local } from './time'

/**
 * 信用记录: one record per member for tickets and venue bookings alike. No-shows are added by
 * check-in (tickets and bookings); policy turns them into a ban on new signups and bookings
 * until `bannedUntil`. Activities only read it here.
 */
export interface NoShowRecord {
  kind: 'ticket' | 'booking'
  /** The entry or booking id. */
  ref: string
  at: Date
}

export interface CreditRecord {
  _id: string
  noShows: NoShowRecord[]
  bannedUntil: Date | null
}

/** The end of a ban in force at `now`, or null. */
export function banEnd(credit: CreditRecord | null, now: Date): Date | null {
  const until = credit?.bannedUntil ? new Date(credit.bannedUntil) : null
  return until && until > now ? until : null
}

/** Refuses a member under a no-show ban, saying until when (Beijing date and time). */
export function refuseBanned(credit: CreditRecord | null, now: Date): void {
  const until = banEnd(credit, now)
  if (!until) return
  const when = `${chineseDate(dayOf(until))} ${local(until).format('HH:mm')}`
  throw new ApiError('MEMBER_BANNED', `因爽约暂停报名，${when}起可再次报名`)
}
