import { ApiError } from '../contract/errors'
import { addDays, atLocal, chineseDate, dayOf, local } from './time'

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
  /** Bumped by every write, which is conditional on it (store/credit `recordNoShow`). */
  version?: number
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

/** Policy: this many no-shows within `withinDays` bring a ban of `banDays` days. */
export interface NoShowBan {
  noShows: number
  withinDays: number
  banDays: number
}

const DAY_MS = 24 * 3_600_000

/**
 * The ban the no-shows earn under the rule, or null: for every no-show that is the rule's N-th
 * within its window, a ban to the midnight (Beijing) that ends `banDays` full days after that
 * no-show's day; the latest such end wins. Computed from the list alone, so recording the same
 * no-show twice, or in any order, gives the same ban, and clearing one (an appeal) recomputes.
 */
export function banUntilFor(noShows: readonly NoShowRecord[], rule: NoShowBan | null): Date | null {
  if (!rule) return null
  const times = noShows.map((n) => new Date(n.at).getTime()).sort((a, b) => a - b)
  let until: Date | null = null
  for (const [i, at] of times.entries()) {
    const within = times.slice(0, i + 1).filter((t) => t > at - rule.withinDays * DAY_MS)
    if (within.length < rule.noShows) continue
    const end = atLocal(addDays(dayOf(new Date(at)), rule.banDays + 1))
    if (!until || end > until) until = end
  }
  return until
}

/**
 * The credit record after a no-show (a ticket or a booking), with the ban it brings. Recording
 * a no-show already recorded (same kind and ref: a retry, the scheduler's second pass) changes
 * nothing; a ban already longer is kept.
 */
export function withNoShow(
  credit: CreditRecord | null,
  memberId: string,
  noShow: NoShowRecord,
  rule: NoShowBan | null,
): CreditRecord {
  const base: CreditRecord = credit ?? { _id: memberId, noShows: [], bannedUntil: null }
  if (base.noShows.some((n) => n.kind === noShow.kind && n.ref === noShow.ref)) return base
  const noShows = [...base.noShows, noShow]
  const earned = banUntilFor(noShows, rule)
  const held = base.bannedUntil ? new Date(base.bannedUntil) : null
  const bannedUntil = held && (!earned || held > earned) ? held : earned
  return { ...base, noShows, bannedUntil }
}
