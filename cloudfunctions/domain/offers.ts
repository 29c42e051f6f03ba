import type { EntryStatus } from '../contract/entry'
import type { EntryRecord } from './entry'
import type { SeatHolder, SeatRecord } from './seats'

/**
 * 递补名额. Once a lottery is drawn, each session gets a seat document like a first-come one
 * (domain/seats), its holders keyed by entry id: the winners hold their seats from the draw.
 * A seat given back (我去不了了, a confirmation or offer that ran out, staff cancelling) is
 * released from that document, and an offer takes it again with the same conditional update a
 * first-come signup uses (seats still fit, this entry holds none yet). So however many
 * releases and offer runs happen at once, each freed seat is offered once, an entry is offered
 * at most once, and the seats held never pass the seats.
 *
 * Order of writes: a release changes the entry first and frees the seat after; an offer takes
 * the seat first and marks the entry after. A run killed in between leaves a holder the
 * scheduler reads (`lotteryRepairs`): a holder whose entry no longer holds is released, an
 * offer's holder whose entry still waits is finished.
 */

/** Entry statuses that stand on a holder in a drawn lottery session. */
export const HOLDING: readonly EntryStatus[] = ['won', 'offered', 'checkedIn', 'noShow']

/** What the draw's winners hold, and what an offer takes: told apart by the holder's request. */
export const DRAW_REQUEST = 'draw'
export const offerRequestFor = (entryId: string) => `offer:${entryId}`
const isOffer = (holder: SeatHolder) => holder.request.startsWith('offer:')

/** A drawn session's seats: the winners' parties hold them, keyed by entry id. */
export function lotterySeat(
  id: string,
  activityId: string,
  sessionId: string,
  seats: number,
  winners: ReadonlyArray<{ id: string; size: number }>,
  drawnAt: Date,
): SeatRecord {
  const holders: Record<string, SeatHolder> = {}
  let taken = 0
  for (const winner of winners) {
    holders[winner.id] = holderFor(winner.id, winner.size, DRAW_REQUEST, drawnAt)
    taken += winner.size
  }
  return { _id: id, activityId, sessionId, seats, taken, holders }
}

export function holderFor(entryId: string, size: number, request: string, at: Date): SeatHolder {
  return { entry: entryId, size, companions: [], request, byStaff: false, actor: 'scheduler', at }
}

/** The seats of a drawn session nobody holds. */
export function freeSeats(seat: SeatRecord): number {
  return Math.max(0, seat.seats - seat.taken)
}

/**
 * Who the next offer goes to: the first entry of the waitlist, in draw order, that still waits,
 * holds nothing yet, and whose whole party fits the free seats. null when nobody does.
 */
export function nextOffer(
  seat: SeatRecord,
  waitlist: readonly string[],
  entries: ReadonlyMap<string, Pick<EntryRecord, 'status' | 'partySize'>>,
): string | null {
  const free = freeSeats(seat)
  if (free === 0) return null
  for (const id of waitlist) {
    const entry = entries.get(id)
    if (!entry || entry.status !== 'waitlisted' || seat.holders[id]) continue
    if (entry.partySize <= free) return id
  }
  return null
}

export type LotteryRepair =
  /** An offer took the seat but died before marking the entry: mark it 递补待确认. */
  | { kind: 'offer'; entryId: string; holder: SeatHolder }
  /** The entry no longer holds (given back, expired, cancelled) but its seat was not freed. */
  | { kind: 'release'; entryId: string; holder: SeatHolder }

/**
 * What a drawn session needs so that its holders are exactly its holding entries. Offers
 * younger than `staleBefore` belong to a run still going and are left alone; an offer found
 * after the session started is released instead (no offer is made once it has begun).
 */
export function lotteryRepairs(
  seat: SeatRecord,
  entries: ReadonlyMap<string, Pick<EntryRecord, 'status'>>,
  startAt: Date,
  now: Date,
  staleBefore: Date,
): LotteryRepair[] {
  const repairs: LotteryRepair[] = []
  for (const [entryId, holder] of Object.entries(seat.holders)) {
    const status = entries.get(entryId)?.status
    if (status && HOLDING.includes(status)) continue
    if (isOffer(holder) && new Date(holder.at) >= staleBefore) continue
    const unfinishedOffer = isOffer(holder) && status === 'waitlisted' && now < startAt
    repairs.push({ kind: unfinishedOffer ? 'offer' : 'release', entryId, holder })
  }
  return repairs
}

/** Why a held seat goes back, as the member reads it on the entry. */
export const RELEASE_REASONS = {
  confirmExpired: '未在期限内确认参加，名额已释放',
  offerExpired: '递补名额未在期限内确认，已顺延给下一位',
  givenBack: '已退还名额（我去不了了）',
  offerDeclined: '已放弃递补名额',
  leftWaitlist: '已退出候补',
} as const

/**
 * A holding entry whose deadline passed at `now`, with why it goes: a win not confirmed by its
 * deadline, an offer not accepted by its own. null when it still stands.
 */
export function expiredHold(
  entry: Pick<EntryRecord, 'status' | 'confirmedAt' | 'offerExpiresAt'>,
  confirmBy: Date | null,
  now: Date,
): string | null {
  if (entry.status === 'won' && !entry.confirmedAt && confirmBy && now >= confirmBy)
    return RELEASE_REASONS.confirmExpired
  if (entry.status === 'offered' && entry.offerExpiresAt && now >= new Date(entry.offerExpiresAt))
    return RELEASE_REASONS.offerExpired
  return null
}
