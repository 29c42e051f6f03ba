import { createHmac, timingSafeEqual } from 'node:crypto'
import type { TicketPolicy } from '../contract/activity'
import { ApiError } from '../contract/errors'
import type { ActivityRecord, SessionRecord } from './activity'
import type { EntryRecord } from './entry'
import { local } from './time'

/**
 * 电子票: one per winning party, and nothing stored to steal: the code is the entry's id with
 * an HMAC of it under the ticket key (configuration, never in code), so it cannot be guessed or
 * forged, and the entry's status makes it usable once (已签到 after the door).
 */
const MAC_CHARS = 20
const CODE = /^T([A-Za-z0-9_-]{1,64})\.([0-9a-f]{20})$/

/**
 * A winner confirms within a day of the draw, an offer is answered within 12 hours, and two
 * no-shows within half a year pause signups for 30 days — unless the activity says otherwise.
 */
export const DEFAULT_TICKET_POLICY: TicketPolicy = {
  confirmHours: 24,
  offerHours: 12,
  noShowBan: { noShows: 2, withinDays: 180, banDays: 30 },
}

export function ticketPolicyOf(activity: Pick<ActivityRecord, 'ticketPolicy'>): TicketPolicy {
  return activity.ticketPolicy ?? DEFAULT_TICKET_POLICY
}
/** The door opens this long before a session starts. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000

function macOf(entryId: string, key: string): string {
  return createHmac('sha256', key).update(`ticket:${entryId}`).digest('hex').slice(0, MAC_CHARS)
}

/** The code a winner shows (and its QR carries). */
export function ticketCode(entryId: string, key: string): string {
  if (!key) throw new Error('TICKET_KEY is not configured')
  return `T${entryId}.${macOf(entryId, key)}`
}

/** The entry a code stands for, or a refusal when the code is malformed or forged. */
export function entryIdOfCode(code: string, key: string): string {
  const match = CODE.exec(code.trim())
  const invalid = new ApiError('TICKET_INVALID')
  if (!match || !key) throw invalid
  const [, entryId, mac] = match
  const expected = Buffer.from(macOf(entryId, key), 'utf8')
  if (!timingSafeEqual(expected, Buffer.from(mac, 'utf8'))) throw invalid
  return entryId
}

const HOUR_MS = 3_600_000

/** Until when a winner may confirm: the draw plus the policy's hours, and never past the start. */
export function confirmDeadline(drawnAt: Date, policy: TicketPolicy, startAt: Date): Date {
  return new Date(Math.min(drawnAt.getTime() + policy.confirmHours * HOUR_MS, startAt.getTime()))
}

/** Until when an offer made at `offeredAt` may be accepted: the policy's hours, never past the start. */
export function offerDeadline(offeredAt: Date, policy: TicketPolicy, startAt: Date): Date {
  return new Date(Math.min(offeredAt.getTime() + policy.offerHours * HOUR_MS, startAt.getTime()))
}

/**
 * What the door checks before a ticket is used: a winning, confirmed entry of this activity,
 * inside the session's check-in window. A used ticket says when it was used.
 */
export function refuseCheckIn(
  entry: EntryRecord,
  activity: ActivityRecord,
  session: SessionRecord,
  now: Date,
): void {
  if (activity.status === 'cancelled') throw new ApiError('TICKET_INVALID', '活动已取消，此票无效')
  if (entry.status === 'checkedIn') throw usedAt(entry.checkedInAt ?? entry.updatedAt)
  if (entry.status !== 'won' && entry.status !== 'confirmed')
    throw new ApiError('TICKET_INVALID', '此票已失效（未中签、已取消或已爽约）')
  if (entry.status === 'won' && !entry.confirmedAt)
    throw new ApiError('TICKET_INVALID', '此票尚未确认参加')
  if (now.getTime() < session.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS)
    throw new ApiError(
      'CHECK_IN_CLOSED',
      `尚未开始检票，${local(new Date(session.startAt.getTime() - CHECK_IN_OPENS_BEFORE_MS)).format('M月D日 HH:mm')}起可检票`,
    )
  if (now >= session.endAt) throw new ApiError('CHECK_IN_CLOSED', '本场已结束，不能检票')
}

/** The refusal a second scan of one ticket gets. */
export function usedAt(at: Date): ApiError {
  return new ApiError('TICKET_USED', `此票已于${local(at).format('M月D日 HH:mm:ss')}检票`)
}
